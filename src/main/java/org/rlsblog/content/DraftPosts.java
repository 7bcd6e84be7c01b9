package org.rlsblog.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which draft posts a snapshot keeps for previews: each slug once, and none a post on the site has. */
final class DraftPosts {

    private DraftPosts() {}

    /** The drafts, newest first; one whose slug a post (or an earlier draft) has is left out. */
    static List<Post> keep(ContentSnapshot.Files files, Set<String> postSlugs, List<ContentProblem> problems) {
        List<Post> sorted = new ArrayList<>(files.drafts());
        sorted.sort(Comparator.comparing((Post p) -> p.source().toString()));
        Map<String, Post> bySlug = new LinkedHashMap<>();
        for (Post draft : sorted) {
            if (postSlugs.contains(draft.slug())) {
                problems.add(new ContentProblem(
                        draft.source(),
                        files.lines().line(draft.source(), "slug"),
                        "draft has the slug '" + draft.slug() + "' of a post that is on the site: give it its own"));
                continue;
            }
            Post other = bySlug.putIfAbsent(draft.slug(), draft);
            if (other != null) {
                problems.add(new ContentProblem(
                        draft.source(),
                        files.lines().line(draft.source(), "slug"),
                        "duplicate slug '" + draft.slug() + "': the draft " + other.source() + " has it already"));
            }
        }
        List<Post> drafts = new ArrayList<>(bySlug.values());
        drafts.sort(ContentSnapshot.NEWEST_FIRST);
        return List.copyOf(drafts);
    }
}
