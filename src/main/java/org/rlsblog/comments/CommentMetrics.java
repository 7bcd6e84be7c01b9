package org.rlsblog.comments;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code blog.comments} gauges: how many comments there are in each status (read when scraped). */
@Component
class CommentMetrics implements MeterBinder {

    private final CommentReads reads;

    CommentMetrics(CommentReads reads) {
        this.reads = reads;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CommentStatus status : CommentStatus.values()) {
            Gauge.builder("blog.comments", reads, r -> r.countByStatus().get(status))
                    .description("Comments in the store, by moderation status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }
}
