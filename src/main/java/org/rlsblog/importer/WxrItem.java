package org.rlsblog.importer;

import java.util.List;
import java.util.Map;

/**
 * One {@code <item>} of a WordPress export, as WordPress stored it: text values are raw (HTML and
 * entities as in the database), dates are WordPress's {@code yyyy-MM-dd HH:mm:ss} strings.
 *
 * @param where the item's place in the file, for messages
 */
record WxrItem(
        long id,
        String type,
        String status,
        String title,
        String link,
        String slug,
        String date,
        String dateGmt,
        String modified,
        String modifiedGmt,
        String creator,
        String content,
        String excerpt,
        String commentStatus,
        String password,
        String attachmentUrl,
        List<Term> terms,
        Map<String, String> meta,
        List<Comment> comments,
        int line,
        String where) {

    /** A tag ({@code post_tag}) or category of the item. */
    record Term(String domain, String nicename, String name) {}

    record Comment(
            long id,
            long parent,
            String author,
            String email,
            String url,
            String date,
            String dateGmt,
            String content,
            String approved,
            String type,
            String userId,
            int line) {}
}
