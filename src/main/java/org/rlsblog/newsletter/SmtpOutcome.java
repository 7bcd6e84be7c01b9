package org.rlsblog.newsletter;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/** What a failed send means for a delivery, from the SMTP server's reply code. */
enum SmtpOutcome {
    /** The server refused the address for good (5xx to RCPT TO): stop all mail to it. */
    ADDRESS_REFUSED,
    /** The server refused this message for good (5xx after DATA): give up on this delivery. */
    MESSAGE_REFUSED,
    /** A temporary refusal (4xx) of this mail: try it again later. */
    TRY_LATER,
    /** No answer about this mail (no connection, sender refused, login failed): pause sending. */
    SERVER_UNAVAILABLE;

    /** The longest chain of causes looked at; real chains are a few long. */
    private static final int MAX_CAUSES = 20;

    /** SMTP reply codes from here up are permanent refusals; below, the server asks to try later. */
    private static final int PERMANENT_FAILURE = 500;

    static SmtpOutcome of(MailException failure) {
        List<Throwable> causes = causes(failure);
        for (Throwable cause : causes) {
            if (cause instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode() >= PERMANENT_FAILURE ? ADDRESS_REFUSED : TRY_LATER;
            }
        }
        for (Throwable cause : causes) {
            if (cause instanceof SMTPSendFailedException refused && refused.getReturnCode() > 0) {
                return refused.getReturnCode() >= PERMANENT_FAILURE ? MESSAGE_REFUSED : TRY_LATER;
            }
        }
        return SERVER_UNAVAILABLE;
    }

    private static List<Throwable> causes(MailException failure) {
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        if (failure instanceof MailSendException send) {
            pending.addAll(List.of(send.getMessageExceptions()));
        }
        List<Throwable> seen = new ArrayList<>();
        while (!pending.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable next = pending.remove(0);
            if (next == null || seen.contains(next)) {
                continue;
            }
            seen.add(next);
            pending.add(next.getCause());
            if (next instanceof MessagingException messaging) {
                pending.add(messaging.getNextException());
            }
        }
        return seen;
    }
}
