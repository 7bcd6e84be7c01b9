package org.rlsblog.references;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * How busy the site is: requests under way and requests so far. A request listener, so that it
 * counts every request, pages the page cache answers included (the request observation never
 * sees those); two counter updates a request.
 */
@Component
class ReaderTraffic implements ServletRequestListener {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder total = new LongAdder();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        inFlight.incrementAndGet();
        total.increment();
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        inFlight.decrementAndGet();
    }

    int inFlight() {
        return inFlight.get();
    }

    long total() {
        return total.sum();
    }
}
