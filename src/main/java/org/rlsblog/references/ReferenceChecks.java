package org.rlsblog.references;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the reference checker found: the broken links, or why it cannot check at all. */
@Component
public class ReferenceChecks {

    static final String NO_NETWORK = "cannot check references: no network";

    private final ReferenceStore store;
    private final ReferenceChecker checker;
    private final ReferenceProperties properties;

    ReferenceChecks(ReferenceStore store, ReferenceChecker checker, ReferenceProperties properties) {
        this.store = store;
        this.checker = checker;
        this.properties = properties;
    }

    /**
     * A link whose last check failed.
     *
     * @param since when it first failed (it has failed at every check since)
     * @param answer what the other site said last, or why it said nothing
     */
    public record BrokenLink(String url, Instant since, String answer) {}

    /** The broken links, longest broken first. */
    public List<BrokenLink> broken() {
        return store.broken().stream()
                .map(c -> new BrokenLink(c.url(), c.brokenSince(), c.lastAnswer()))
                .toList();
    }

    /** One line instead of a list when the checker could not reach any site at all. */
    public Optional<String> problem() {
        return checker.noNetwork() ? Optional.of(NO_NETWORK) : Optional.empty();
    }

    /** Whether links are checked at all ({@code blog.references.check-every} is not 0). */
    public boolean enabled() {
        return properties.enabled();
    }
}
