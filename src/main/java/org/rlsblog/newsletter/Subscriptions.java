package org.rlsblog.newsletter;

import java.util.Locale;
import java.util.concurrent.Executor;
import org.rlsblog.comments.SignedTokens;
import org.rlsblog.content.ContentProperties;
import org.rlsblog.web.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Double opt-in: a request stores the address unconfirmed and mails it a confirmation link (at
 * most once a day per address); only the link's button confirms. Links are signed, so nobody can
 * confirm or unsubscribe an address they cannot read the mail of.
 */
@Service
class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final String CONFIRM = "newsletter-confirm";
    private static final String UNSUBSCRIBE = "newsletter-unsubscribe";

    private final Subscribers subscribers;
    private final SignedTokens tokens;
    private final MailOut mail;
    private final MessageSource messages;
    private final ContentProperties content;
    private final SiteProperties site;
    private final Executor background;

    Subscriptions(
            Subscribers subscribers,
            SignedTokens tokens,
            MailOut mail,
            MessageSource messages,
            ContentProperties content,
            SiteProperties site,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.mail = mail;
        this.messages = messages;
        this.content = content;
        this.site = site;
        this.background = background;
    }

    /**
     * Records the request and, if one is due, sends the confirmation mail off the request thread,
     * so the answer takes as long whether or not the address is known.
     */
    void request(String email, Locale lang) {
        if (subscribers.request(email, lang)) {
            String address = Subscribers.normalize(email);
            background.execute(() -> sendConfirmation(address, lang));
        }
    }

    private void sendConfirmation(String email, Locale lang) {
        String link = content.absolute("/newsletter/confirm/" + tokens.signText(CONFIRM, email));
        String text = messages.getMessage(
                "newsletter.mail.confirm.text", new Object[] {site.title(), content.absolute("/"), link}, lang);
        try {
            mail.send(new MailOut.Letter(
                    email,
                    messages.getMessage("newsletter.mail.confirm.subject", new Object[] {site.title()}, lang),
                    text,
                    null,
                    null,
                    null));
        } catch (MailException e) {
            log.warn("Newsletter confirmation mail not sent: {}", e.getMessage());
        }
    }

    /** Confirms the address in a genuine confirmation link; false if the link is not genuine or expired. */
    boolean confirm(String token) {
        return tokens.verifyText(CONFIRM, token).flatMap(subscribers::confirm).isPresent();
    }

    /** Stops all mail to the address in a genuine unsubscribe link; false if it is not genuine. */
    boolean unsubscribe(String token) {
        return tokens.verifyText(UNSUBSCRIBE, token)
                .map(email -> {
                    subscribers.stop(email, "UNSUBSCRIBED");
                    return true;
                })
                .orElse(false);
    }

    /** The one-click unsubscribe address for mails to this subscriber. */
    String unsubscribeUrl(String email) {
        return content.absolute(
                "/newsletter/unsubscribe/" + tokens.signText(UNSUBSCRIBE, Subscribers.normalize(email)));
    }
}
