package org.rlsblog.content;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Ready only once content has been read; reports how many posts and problems there are. */
@Component("content")
class ContentHealthIndicator extends AbstractHealthIndicator {

    private final PostCatalog catalog;

    ContentHealthIndicator(PostCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!catalog.isLoaded()) {
            builder.down().withDetail("reason", "content not loaded");
            return;
        }
        builder.up()
                .withDetail("posts", catalog.published().size())
                .withDetail("problems", catalog.problems().size());
    }
}
