package org.rlsblog.search;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one search, and one client's searches, may cost.
 *
 * @param searchesPerMinute searches one client (an IPv4 address, an IPv6 /64) may make a minute,
 *     all at once or spread out; a page the page cache answers is not counted; 0 turns the limit off
 * @param timeLimit how long one search may collect hits; the reader gets those found by then. A
 *     search that finds every slot taken waits at most this long for one
 * @param concurrentSearches searches that may run at once, for all clients together; 0 means the
 *     processor's cores less one (at least one), so that readers always keep a core
 */
@Validated
@ConfigurationProperties("blog.search")
public record SearchProperties(
        @DefaultValue("30") @Min(0) int searchesPerMinute,
        @DefaultValue("500ms") @NotNull Duration timeLimit,
        @DefaultValue("0") @Min(0) int concurrentSearches) {

    /** The searches that may run at once, with 0 resolved against this machine's cores. */
    public int searchSlots() {
        return concurrentSearches > 0
                ? concurrentSearches
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
}
