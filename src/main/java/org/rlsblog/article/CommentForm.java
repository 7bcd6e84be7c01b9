package org.rlsblog.article;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The comment form as a reader filled it in. Strings arrive trimmed (see {@link CommentController}).
 * {@code homepage} is the honeypot: hidden from people, filled in by robots. {@code formToken} is
 * the signed time the form was shown.
 *
 * <p>A JavaBean rather than a record: Spring binds a record through its constructor, and that
 * re-reads the constructor's parameter annotations on every request; setters are bound from
 * cached property descriptors (docs/benchmarks.md, "What the measurements kept").
 */
final class CommentForm {

    private @Nullable Long parentId;

    @NotBlank(message = "{validation.name.required}")
    @Size(max = 100, message = "{validation.name.size}")
    @PlainText
    private @Nullable String name;

    @NotBlank(message = "{validation.email.required}")
    @Size(max = 254, message = "{validation.email.size}")
    // one constraint, so a wrong address gets its message once: Bean Validation's rules for an
    // address, and a dot in the domain (a reader's address is never on a bare host name)
    @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{validation.email.invalid}")
    @PlainText
    private @Nullable String email;

    @Size(max = 200, message = "{validation.website.size}")
    @Pattern(regexp = "^(https?://[^\\s/$.?#][^\\s]*)?$", message = "{validation.website.invalid}")
    @PlainText
    private @Nullable String website;

    @NotBlank(message = "{validation.body.required}")
    @Size(min = 2, max = 10000, message = "{validation.body.size}")
    @PlainText(multiline = true)
    private @Nullable String body;

    private @Nullable Boolean remember;
    private @Nullable Boolean notifyReplies;
    private @Nullable String homepage;
    private @Nullable String formToken;

    static CommentForm empty(
            @Nullable Long parentId, String name, String email, String website, boolean remember, String formToken) {
        CommentForm form = new CommentForm();
        form.parentId = parentId;
        form.name = name;
        form.email = email;
        form.website = website;
        form.body = "";
        form.remember = remember;
        form.notifyReplies = false;
        form.formToken = formToken;
        return form;
    }

    /** Whether the reader consented to keeping their details in a cookie (unticked when absent). */
    boolean rememberMe() {
        return Boolean.TRUE.equals(remember);
    }

    /** Whether the reader asked to hear of replies by e-mail. */
    boolean notifyMe() {
        return Boolean.TRUE.equals(notifyReplies);
    }

    /** The same form as a new object with a fresh form token (the reader's text kept). */
    CommentForm withFormToken(String token) {
        CommentForm copy = new CommentForm();
        copy.parentId = parentId;
        copy.name = name;
        copy.email = email;
        copy.website = website;
        copy.body = body;
        copy.remember = remember;
        copy.notifyReplies = notifyReplies;
        copy.homepage = homepage;
        copy.formToken = token;
        return copy;
    }

    public @Nullable Long getParentId() {
        return parentId;
    }

    public void setParentId(@Nullable Long parentId) {
        this.parentId = parentId;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getEmail() {
        return email;
    }

    public void setEmail(@Nullable String email) {
        this.email = email;
    }

    public @Nullable String getWebsite() {
        return website;
    }

    public void setWebsite(@Nullable String website) {
        this.website = website;
    }

    public @Nullable String getBody() {
        return body;
    }

    public void setBody(@Nullable String body) {
        this.body = body;
    }

    public @Nullable Boolean getRemember() {
        return remember;
    }

    public void setRemember(@Nullable Boolean remember) {
        this.remember = remember;
    }

    public @Nullable Boolean getNotifyReplies() {
        return notifyReplies;
    }

    public void setNotifyReplies(@Nullable Boolean notifyReplies) {
        this.notifyReplies = notifyReplies;
    }

    public @Nullable String getHomepage() {
        return homepage;
    }

    public void setHomepage(@Nullable String homepage) {
        this.homepage = homepage;
    }

    public @Nullable String getFormToken() {
        return formToken;
    }

    public void setFormToken(@Nullable String formToken) {
        this.formToken = formToken;
    }
}
