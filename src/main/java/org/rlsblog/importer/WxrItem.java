package org.rlsblog.importer;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export, as WordPress stored it: text values are raw (HTML and
 * entities as in the database), dates are WordPress's {@code yyyy-MM-dd HH:mm:ss} strings. The
 * item's simple elements are kept by their WXR name, so reading one more field is one accessor here.
 *
 * @param elements the item's simple elements by {@link XmlCursor#key() name}, such as {@code wp:post_date}
 * @param where the item's place in the file, for messages
 */
record WxrItem(
        long id,
        Map<String, String> elements,
        List<Term> terms,
        Map<String, String> meta,
        List<Comment> comments,
        int line,
        String where) {

    WxrItem {
        elements = Map.copyOf(elements);
        terms = List.copyOf(terms);
        meta = Map.copyOf(meta);
        comments = List.copyOf(comments);
    }

    String type() {
        return elements.getOrDefault("wp:post_type", "post").strip();
    }

    String status() {
        return stripped("wp:status");
    }

    String title() {
        return raw("title");
    }

    String link() {
        return stripped("link");
    }

    String slug() {
        return stripped("wp:post_name");
    }

    String date() {
        return stripped("wp:post_date");
    }

    String dateGmt() {
        return stripped("wp:post_date_gmt");
    }

    String modified() {
        return stripped("wp:post_modified");
    }

    String modifiedGmt() {
        return stripped("wp:post_modified_gmt");
    }

    String creator() {
        return stripped("dc:creator");
    }

    String content() {
        return raw("content:encoded");
    }

    String excerpt() {
        return raw("excerpt:encoded");
    }

    String commentStatus() {
        return elements.getOrDefault("wp:comment_status", "open").strip();
    }

    String password() {
        return raw("wp:post_password");
    }

    String attachmentUrl() {
        return stripped("wp:attachment_url");
    }

    private String raw(String element) {
        return elements.getOrDefault(element, "");
    }

    private String stripped(String element) {
        return raw(element).strip();
    }

    /** A tag ({@code post_tag}) or category of the item. */
    record Term(String domain, String nicename, String name) {}

    /** One {@code <wp:comment>}, its simple elements kept by WXR name as in {@link WxrItem}. */
    record Comment(long id, long parent, Map<String, String> elements, int line) {

        Comment {
            elements = Map.copyOf(elements);
        }

        String author() {
            return stripped("wp:comment_author");
        }

        String email() {
            return stripped("wp:comment_author_email");
        }

        String url() {
            return stripped("wp:comment_author_url");
        }

        String date() {
            return stripped("wp:comment_date");
        }

        String dateGmt() {
            return stripped("wp:comment_date_gmt");
        }

        String content() {
            return elements.getOrDefault("wp:comment_content", "");
        }

        String approved() {
            return stripped("wp:comment_approved");
        }

        String type() {
            return stripped("wp:comment_type");
        }

        String userId() {
            return elements.getOrDefault("wp:comment_user_id", "0").strip();
        }

        private String stripped(String element) {
            return elements.getOrDefault(element, "").strip();
        }
    }
}
