package org.rlsblog.article;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rlsblog.comments.CommentService;
import org.rlsblog.notification.Notifications;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookies a commenter may get: a signed list of their own comments (so they, and only they,
 * see their pending ones with "awaiting moderation"; an approved one proves a returning
 * commenter), and, only when they tick "remember me", their name, e-mail and website to fill the
 * form next time. Also read here: the signed token of an address confirmed in this browser, which
 * {@code notification} sets.
 */
@Component
public class CommentCookies {

    public static final String PENDING = "pending_comments";
    public static final String REMEMBER = "comment_author";
    private static final int MAX_PENDING = 10;
    /** How long a browser shows its writer the comments still waiting for moderation. */
    private static final Duration PENDING_KEPT = Duration.ofDays(30);
    /** How long a browser remembers the name, address and website a reader typed. */
    private static final Duration DETAILS_KEPT = Duration.ofDays(365);

    private final CommentService comments;

    CommentCookies(CommentService comments) {
        this.comments = comments;
    }

    record Remembered(String name, String email, String website) {}

    Set<Long> pendingIds(HttpServletRequest request) {
        Set<Long> ids = new LinkedHashSet<>();
        value(request, PENDING).ifPresent(value -> {
            for (String token : value.split("-")) {
                comments.pendingIdFrom(token).ifPresent(ids::add);
            }
        });
        return ids;
    }

    void addPending(HttpServletRequest request, HttpServletResponse response, long commentId) {
        List<String> tokens = new ArrayList<>();
        value(request, PENDING).ifPresent(value -> {
            for (String token : value.split("-")) {
                if (comments.pendingIdFrom(token).isPresent()) {
                    tokens.add(token);
                }
            }
        });
        tokens.add(comments.pendingToken(commentId));
        List<String> kept = tokens.subList(Math.max(0, tokens.size() - MAX_PENDING), tokens.size());
        write(request, response, PENDING, String.join("-", kept), PENDING_KEPT);
    }

    /** The token of an address confirmed in this browser, as the confirmation page set it. */
    Optional<String> addressToken(HttpServletRequest request) {
        return value(request, Notifications.ADDRESS_COOKIE);
    }

    Optional<Remembered> remembered(HttpServletRequest request) {
        return value(request, REMEMBER).flatMap(value -> {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\n", -1);
                return parts.length == 3 ? Optional.of(new Remembered(parts[0], parts[1], parts[2])) : Optional.empty();
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }

    void remember(HttpServletRequest request, HttpServletResponse response, CommentForm form) {
        String value =
                String.join("\n", form.getName(), form.getEmail(), form.getWebsite() == null ? "" : form.getWebsite());
        write(
                request,
                response,
                REMEMBER,
                Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
                DETAILS_KEPT);
    }

    void forget(HttpServletRequest request, HttpServletResponse response) {
        if (value(request, REMEMBER).isPresent()) {
            write(request, response, REMEMBER, "", Duration.ZERO);
        }
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static void write(
            HttpServletRequest request, HttpServletResponse response, String name, String value, Duration maxAge) {
        ResponseCookie cookie = ResponseCookie.from(name, value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
