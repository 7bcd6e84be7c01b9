package org.rlsblog.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.CommentApproved;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.CommentSubmitted;
import org.rlsblog.content.CommentMode;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the mails, off the request thread: a failing mail server never fails or slows a comment.
 * Plain text only; what a reader typed goes into the body as text, and never into a header
 * (names are stripped of line breaks for the subject).
 */
@Component
class CommentMailer {

    private static final Logger log = LoggerFactory.getLogger(CommentMailer.class);

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;
    private final CommentService comments;
    private final ReplySubscriptions subscriptions;
    private final PostCatalog catalog;
    private final ContentProperties site;
    private final Executor background;

    CommentMailer(
            ObjectProvider<JavaMailSender> mailSender,
            NotificationProperties properties,
            CommentService comments,
            ReplySubscriptions subscriptions,
            PostCatalog catalog,
            ContentProperties site,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.background = background;
        this.mailSender = mailSender;
        this.properties = properties;
        this.comments = comments;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.site = site;
    }

    /**
     * The author hears of every new comment that is not already marked as spam. Whether there is
     * a mail to send is decided here, on the request's thread: handing every comment to another
     * thread only to find no mail server or no author address cost processor time under a burst
     * of comments (see docs/benchmarks.md, what the measurements kept).
     */
    @EventListener
    public void onSubmitted(CommentSubmitted event) {
        String to = properties.authorEmail();
        if (to == null || to.isBlank() || event.status() == CommentStatus.SPAM || !canSend()) {
            return;
        }
        background.execute(() -> mailAuthor(to, event));
    }

    private void mailAuthor(String to, CommentSubmitted event) {
        comments.find(event.commentId()).ifPresent(comment -> {
            String title = title(comment.postSlug());
            StringBuilder text = new StringBuilder()
                    .append("New comment by ")
                    .append(comment.author().name())
                    .append(" on \"")
                    .append(title)
                    .append("\"\n")
                    .append("Status: ")
                    .append(comment.status().name().toLowerCase(Locale.ROOT))
                    .append("\n")
                    .append("E-mail: ")
                    .append(comment.author().email())
                    .append("\n");
            if (comment.author().url() != null) {
                text.append("Website: ").append(comment.author().url()).append("\n");
            }
            text.append("\n").append(comment.body()).append("\n\n");
            if (comment.status() == CommentStatus.PENDING) {
                text.append("Approve: ")
                        .append(site.absolute(
                                "/moderate/" + comments.moderationToken(comment.id(), CommentStatus.APPROVED)))
                        .append("\nSpam: ")
                        .append(site.absolute(
                                "/moderate/" + comments.moderationToken(comment.id(), CommentStatus.SPAM)))
                        .append("\n");
            }
            text.append("Moderation queue: ")
                    .append(site.absolute("/admin/comments"))
                    .append("\n");
            send(to, "[" + title + "] New comment by " + comment.author().name(), text.toString(), null);
        });
    }

    /** On approval: confirm a reader's wish for notifications, and tell a subscribed parent of the reply. */
    @EventListener
    public void onApproved(CommentApproved event) {
        if (properties.replyNotifications() && canSend()) {
            background.execute(() -> notifyOnApproval(event));
        }
    }

    /** Whether mail can go out at all (a mail server is set: {@code spring.mail.host}). */
    private boolean canSend() {
        return mailSender.getIfAvailable() != null;
    }

    private void notifyOnApproval(CommentApproved event) {
        Optional<Comment> approved = comments.find(event.commentId()).filter(Comment::isApproved);
        if (approved.isEmpty() || !readersSeeCommentsOn(approved.get().postSlug())) {
            return; // a reply mail must not show what the site hides, nor a confirmation its title
        }
        Comment comment = approved.get();
        if (comment.notifyReplies()
                && !comment.author().email().isBlank()
                && subscriptions.request(comment.author().email())) {
            String link = site.absolute("/subscriptions/confirm/"
                    + subscriptions.confirmToken(comment.author().email()));
            send(
                    comment.author().email(),
                    "Please confirm: replies to your comment on \"" + title(comment.postSlug()) + "\"",
                    "You asked to be told by e-mail when someone replies to your comments on " + site.absolute("/")
                            + ".\n\nTo confirm, open this link:\n" + link
                            + "\n\nIf this was not you, ignore this mail: nothing will be sent without confirmation.\n",
                    null);
        }
        if (comment.parentId() == null) {
            return;
        }
        comments.find(comment.parentId())
                .filter(parent -> parent.notifyReplies()
                        && !parent.author()
                                .email()
                                .equalsIgnoreCase(comment.author().email())
                        && subscriptions.confirmedBy(parent.author().email(), event.approvedAt()))
                .ifPresent(parent -> {
                    String unsubscribe = site.absolute("/subscriptions/unsubscribe/"
                            + subscriptions.unsubscribeToken(parent.author().email()));
                    String url = site.absolute("/posts/" + comment.postSlug() + "#" + comment.anchor());
                    send(
                            parent.author().email(),
                            comment.author().name() + " replied to your comment on \"" + title(comment.postSlug())
                                    + "\"",
                            comment.author().name() + " wrote:\n\n" + comment.body() + "\n\nRead it on the site: " + url
                                    + "\n\nStop these mails: " + unsubscribe + "\n",
                            unsubscribe);
                });
    }

    /** Whether the post is published and shows its comments (not a draft, scheduled or hidden). */
    private boolean readersSeeCommentsOn(String slug) {
        return catalog.findPost(slug)
                .filter(p -> p.comments() != CommentMode.HIDDEN)
                .isPresent();
    }

    private String title(String slug) {
        return catalog.findAnyPost(slug).map(Post::title).orElse(slug);
    }

    private void send(String to, String subject, String text, String unsubscribeUrl) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            MimeMessage message = PlainMail.of(sender, properties.from(), to, subject, text);
            if (unsubscribeUrl != null) {
                message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            sender.send(message);
        } catch (MessagingException | MailException e) {
            log.warn("Mail to {} not sent: {}", to, e.getMessage());
        }
    }
}
