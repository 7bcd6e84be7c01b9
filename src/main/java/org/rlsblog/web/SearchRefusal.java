package org.rlsblog.web;

import org.springframework.http.HttpStatus;

/**
 * Why a search was not run, and when to try again: {@code busy} when every search slot was taken
 * (503), otherwise the client searched too often (429).
 */
record SearchRefusal(boolean busy, long retryAfterSeconds) {

    /** Request attribute holding the refusal, for the search page to explain it. */
    static final String ATTRIBUTE = SearchRefusal.class.getName();

    static SearchRefusal tooMany(long retryAfterSeconds) {
        return new SearchRefusal(false, retryAfterSeconds);
    }

    static SearchRefusal busy(long retryAfterSeconds) {
        return new SearchRefusal(true, retryAfterSeconds);
    }

    int status() {
        return (busy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.TOO_MANY_REQUESTS).value();
    }
}
