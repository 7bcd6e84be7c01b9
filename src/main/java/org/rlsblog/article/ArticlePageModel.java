package org.rlsblog.article;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rlsblog.comments.Comment;
import org.rlsblog.comments.CommentService;
import org.rlsblog.comments.CommentStatus;
import org.rlsblog.comments.CommentTextRenderer;
import org.rlsblog.comments.CommentThread;
import org.rlsblog.content.CommentMode;
import org.rlsblog.content.Post;
import org.rlsblog.content.PostCatalog;
import org.rlsblog.content.Reviews;
import org.rlsblog.notification.Notifications;
import org.rlsblog.search.SearchIndex;
import org.rlsblog.web.PageMetas;
import org.rlsblog.web.PostLink;
import org.rlsblog.web.PostViews;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the article page ({@code posts/show}): the post, its comment thread with
 * the reader's own pending comments, and the comment form. Used when the page is shown and when a
 * rejected comment sends the reader back to it with their text.
 */
@Component
class ArticlePageModel {

    private final PostCatalog catalog;
    private final PostViews views;
    private final CommentService comments;
    private final CommentTextRenderer text;
    private final CommentCookies cookies;
    private final Notifications notifications;
    private final PageMetas metas;
    private final SearchIndex search;
    private final CommentListHtml commentList;
    private final Reviews reviews;

    ArticlePageModel(
            PostCatalog catalog,
            PostViews views,
            CommentService comments,
            CommentTextRenderer text,
            CommentCookies cookies,
            Notifications notifications,
            PageMetas metas,
            SearchIndex search,
            CommentListHtml commentList,
            Reviews reviews) {
        this.commentList = commentList;
        this.reviews = reviews;
        this.metas = metas;
        this.search = search;
        this.notifications = notifications;
        this.catalog = catalog;
        this.views = views;
        this.comments = comments;
        this.text = text;
        this.cookies = cookies;
    }

    /** The form for a fresh visit: empty, or filled from the "remember me" cookie. */
    CommentForm freshForm(HttpServletRequest request, @Nullable Long replyTo) {
        return cookies.remembered(request)
                .map(r -> CommentForm.empty(replyTo, r.name(), r.email(), r.website(), true, comments.formToken()))
                .orElseGet(() -> CommentForm.empty(replyTo, "", "", "", false, comments.formToken()));
    }

    void fill(Model model, Post post, CommentForm form, HttpServletRequest request, Locale locale) {
        model.addAttribute("post", views.view(post, catalog.neighbours(post), locale));
        model.addAttribute("lang", post.lang().toLanguageTag());
        model.addAttribute("meta", metas.forPost(post));
        model.addAttribute("reviewOverdue", reviews.showsOverdueNotice(post));
        model.addAttribute(
                "related",
                search.related(post, 3).stream()
                        .map(p -> new PostLink(p.url(), p.title()))
                        .toList());
        model.addAttribute("commentForm", form);
        model.addAttribute("notifyOffered", notifications.offerReplyNotifications());
        CommentSection section = section(post, form.getParentId(), cookies.pendingIds(request), locale);
        model.addAttribute("comments", section);
        model.addAttribute("commentListHtml", commentList.render(section.comments(), locale, request.getContextPath()));
    }

    private CommentSection section(Post post, @Nullable Long replyTo, Set<Long> ownPending, Locale locale) {
        String action = post.url() + "/comments";
        if (post.comments() == CommentMode.HIDDEN) {
            return new CommentSection(List.of(), 0, false, false, action, null, null, false);
        }
        CommentThread thread;
        try {
            thread = comments.thread(post.slug(), ownPending);
        } catch (DataAccessException storeDown) {
            // the article is still worth reading while the comment store is away
            return new CommentSection(
                    List.of(), 0, true, post.comments() == CommentMode.OPEN, action, null, null, true);
        }
        List<CommentView> views = new ArrayList<>();
        CommentView[] replying = new CommentView[1];
        boolean open = post.comments() == CommentMode.OPEN;
        for (CommentThread.Node node : thread.roots()) {
            views.add(view(post, node, open, replyTo, replying, locale));
        }
        return new CommentSection(
                views,
                thread.count(),
                true,
                open,
                action,
                replying[0],
                replying[0] == null ? null : post.url() + "#respond",
                false);
    }

    private CommentView view(
            Post post,
            CommentThread.Node node,
            boolean open,
            @Nullable Long replyTo,
            CommentView[] replying,
            Locale locale) {
        Comment c = node.comment();
        List<CommentView> replies = new ArrayList<>();
        for (CommentThread.Node reply : node.replies()) {
            replies.add(view(post, reply, open, replyTo, replying, locale));
        }
        boolean canReply = open && c.isApproved() && node.depth() < comments.maxDepth();
        CommentView view = CommentView.builder()
                .id(c.id())
                .anchor(c.anchor())
                .authorName(c.author().name())
                .authorUrl(c.author().linkableUrl())
                .bodyHtml(text.toHtml(c.body()))
                .date(PostViews.date(c.createdAt().atZone(post.published().getZone()), locale))
                .byAuthor(c.byAuthor())
                .pending(c.status() == CommentStatus.PENDING)
                .depth(node.depth())
                .replyUrl(canReply ? post.url() + "?replyTo=" + c.id() + "#respond" : null)
                .replies(replies)
                .build();
        if (replyTo != null && replyTo == c.id() && canReply) {
            replying[0] = view;
        }
        return view;
    }
}
