package org.rlsblog.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.jsoup.Jsoup;
import org.rlsblog.content.Post;
import org.rlsblog.content.Tag;

/**
 * A post as the index holds it, and back. The index keeps no text: a hit is read back by its slug
 * alone, and the post's text is read again from the post where it is needed.
 */
final class PostDocuments {

    private PostDocuments() {}

    static Document document(Post post) {
        String lang = SearchFields.language(post);
        Document doc = new Document();
        doc.add(new SortedDocValuesField(SearchFields.SLUG, new BytesRef(post.slug())));
        doc.add(new LongPoint(
                SearchFields.PUBLISHED, post.published().toInstant().toEpochMilli()));
        doc.add(new TextField(SearchFields.TITLE + lang, post.title(), Field.Store.NO));
        doc.add(new TextField(SearchFields.SUMMARY + lang, post.summary(), Field.Store.NO));
        doc.add(new TextField(
                SearchFields.TAGS + lang,
                String.join(" ", post.tags().stream().map(Tag::name).toList()),
                Field.Store.NO));
        doc.add(new TextField(SearchFields.BODY + lang, text(post), Field.Store.NO));
        return doc;
    }

    /** The post's text, as the index reads it. */
    static String text(Post post) {
        return Jsoup.parse(post.html().toString()).text();
    }

    /** The slug of a document found (a doc value: reading stored fields costs more). */
    static String slugOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues slugs = DocValues.getSorted(leaf.reader(), SearchFields.SLUG);
        if (!slugs.advanceExact(doc - leaf.docBase)) {
            throw new IOException("document " + doc + " has no slug");
        }
        return slugs.lookupOrd(slugs.ordValue()).utf8ToString();
    }
}
