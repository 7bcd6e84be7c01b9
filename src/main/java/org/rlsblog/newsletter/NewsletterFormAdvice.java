package org.rlsblog.newsletter;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page's footer (and the article page) whether to show the subscription form. */
@ControllerAdvice
class NewsletterFormAdvice {

    private final NewsletterSwitch newsletter;

    NewsletterFormAdvice(NewsletterSwitch newsletter) {
        this.newsletter = newsletter;
    }

    @ModelAttribute("newsletterOffered")
    boolean newsletterOffered() {
        return newsletter.on();
    }
}
