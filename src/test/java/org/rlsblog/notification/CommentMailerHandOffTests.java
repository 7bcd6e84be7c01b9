package org.rlsblog.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.rlsblog.comments.CommentApproved;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.CommentSubmitted;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Whether a comment's mail is worth another thread is decided on the request's thread: a site
 * without mail, or a comment nobody is to hear of, hands nothing off. (The mails themselves:
 * {@link CommentMailerTests}, with a real SMTP server.)
 */
class CommentMailerHandOffTests {

    private final List<Runnable> handedOff = new ArrayList<>();
    private final Executor background = handedOff::add;

    @Test
    void withoutAMailServerNothingIsHandedOff() {
        CommentMailer mailer = mailer(noMailServer(), new NotificationProperties("author@example.org", "blog@x", true));

        mailer.onSubmitted(new CommentSubmitted(1, "liver", CommentStatus.PENDING));
        mailer.onApproved(new CommentApproved(1, "liver", Instant.now()));

        assertThat(handedOff).isEmpty();
    }

    @Test
    void withAMailServerANewCommentIsHandedOffButSpamAndAMissingAuthorAddressAreNot() {
        CommentMailer toAuthor =
                mailer(aMailServer(), new NotificationProperties("author@example.org", "blog@x", false));
        toAuthor.onSubmitted(new CommentSubmitted(1, "liver", CommentStatus.SPAM));
        toAuthor.onApproved(new CommentApproved(1, "liver", Instant.now()));
        assertThat(handedOff)
                .as("spam, and approvals with reply notifications off")
                .isEmpty();

        toAuthor.onSubmitted(new CommentSubmitted(2, "liver", CommentStatus.PENDING));
        assertThat(handedOff).hasSize(1);

        CommentMailer noAuthor = mailer(aMailServer(), new NotificationProperties(" ", "blog@x", true));
        noAuthor.onSubmitted(new CommentSubmitted(3, "liver", CommentStatus.PENDING));
        assertThat(handedOff).as("no author address").hasSize(1);
        noAuthor.onApproved(new CommentApproved(3, "liver", Instant.now()));
        assertThat(handedOff).as("an approval, with reply notifications on").hasSize(2);
    }

    private CommentMailer mailer(ObjectProvider<JavaMailSender> sender, NotificationProperties properties) {
        // the comments, subscriptions, catalog and site are only used by the handed-off work
        return new CommentMailer(sender, properties, null, null, null, null, background);
    }

    private static ObjectProvider<JavaMailSender> noMailServer() {
        return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }

    private static ObjectProvider<JavaMailSender> aMailServer() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", new JavaMailSenderImpl());
        return beans.getBeanProvider(JavaMailSender.class);
    }
}
