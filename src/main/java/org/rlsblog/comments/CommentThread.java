package org.rlsblog.comments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A post's visible comments as a tree, oldest first at every level. {@code count} is the number
 * of approved comments (pending ones shown to their own writer do not count).
 */
public record CommentThread(List<Node> roots, int count) {

    public CommentThread {
        roots = List.copyOf(roots);
    }

    /** A comment with its replies; {@code depth} is 1 for a top-level comment. */
    public record Node(Comment comment, int depth, List<Node> replies) {

        public Node {
            replies = List.copyOf(replies);
        }
    }

    /**
     * Builds the tree from comments in oldest-first order. A reply whose parent is not shown
     * becomes top-level; replies deeper than {@code maxDepth} are shown at that depth, under the
     * deepest ancestor allowed.
     */
    static CommentThread of(List<Comment> oldestFirst, int maxDepth) {
        Map<Long, Comment> byId = new LinkedHashMap<>();
        oldestFirst.forEach(c -> byId.put(c.id(), c));
        Map<Long, Integer> depth = new HashMap<>();
        Map<Long, Long> shownParent = new HashMap<>();
        Map<Long, List<Long>> children = new LinkedHashMap<>();
        List<Long> roots = new ArrayList<>();
        for (Comment comment : oldestFirst) {
            Long parent = comment.parentId();
            if (parent == null || !byId.containsKey(parent) || !depth.containsKey(parent)) {
                depth.put(comment.id(), 1);
                roots.add(comment.id());
                continue;
            }
            while (parent != null && depth.get(parent) >= maxDepth) {
                parent = shownParent.get(parent);
            }
            if (parent == null) {
                depth.put(comment.id(), 1);
                roots.add(comment.id());
                continue;
            }
            depth.put(comment.id(), depth.get(parent) + 1);
            shownParent.put(comment.id(), parent);
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(comment.id());
        }
        List<Node> nodes =
                roots.stream().map(id -> node(id, byId, depth, children)).toList();
        int approved = (int) oldestFirst.stream().filter(Comment::isApproved).count();
        return new CommentThread(nodes, approved);
    }

    private static Node node(
            long id, Map<Long, Comment> byId, Map<Long, Integer> depth, Map<Long, List<Long>> children) {
        List<Node> replies = children.getOrDefault(id, List.of()).stream()
                .map(child -> node(child, byId, depth, children))
                .toList();
        return new Node(byId.get(id), depth.get(id), replies);
    }
}
