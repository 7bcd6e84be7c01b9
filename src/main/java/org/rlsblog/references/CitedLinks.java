package org.rlsblog.references;

import java.util.LinkedHashSet;
import java.util.Set;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.springframework.stereotype.Component;

/** The web links the published articles cite in their references, each once. */
@Component
class CitedLinks {

    private final PostCatalog catalog;

    CitedLinks(PostCatalog catalog) {
        this.catalog = catalog;
    }

    Set<String> links() {
        Set<String> links = new LinkedHashSet<>();
        for (Post post : catalog.published()) {
            post.citations().stream()
                    .filter(url -> url.length() <= ReferenceStore.LONGEST_URL)
                    .forEach(links::add);
        }
        return links;
    }
}
