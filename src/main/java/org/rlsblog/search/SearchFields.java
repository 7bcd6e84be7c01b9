package org.rlsblog.search;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.rlsblog.content.Post;

/**
 * The index's fields. Each text field comes once per language ({@code title_en}, {@code body_nl},
 * …), analysed with that language's stemmer; a query is read against every language's fields, so
 * a reader need not say which language they search in.
 */
final class SearchFields {

    /** The fields of a post in a language without a stemmer here: words are only lowercased. */
    static final String OTHER_LANGUAGE = "xx";

    /** The languages with fields of their own; {@link #OTHER_LANGUAGE} takes every other one. */
    static final List<String> LANGUAGES = List.of("en", "nl", OTHER_LANGUAGE);

    /** Kept as a doc value, the one thing a hit is read back by. */
    static final String SLUG = "slug";

    /** Epoch milliseconds, so that a query can leave out posts not published yet. */
    static final String PUBLISHED = "published";

    static final String TITLE = "title_";
    static final String SUMMARY = "summary_";
    static final String TAGS = "tags_";
    static final String BODY = "body_";

    private static final float TITLE_WEIGHT = 4f;
    private static final float TAGS_WEIGHT = 3f;
    private static final float SUMMARY_WEIGHT = 2f;
    private static final float BODY_WEIGHT = 1f;

    private SearchFields() {}

    /** The language whose fields hold this post. */
    static String language(Post post) {
        String lang = post.lang().getLanguage().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(lang) ? lang : OTHER_LANGUAGE;
    }

    static Analyzer analyzerFor(String lang) {
        return switch (lang) {
            case "en" -> new EnglishAnalyzer();
            case "nl" -> new DutchAnalyzer();
            default -> new StandardAnalyzer();
        };
    }

    /** Each field analysed with its language's analyzer. */
    static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String lang : LANGUAGES) {
            Analyzer language = analyzerFor(lang);
            for (String field : List.of(TITLE, SUMMARY, TAGS, BODY)) {
                perField.put(field + lang, language);
            }
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    /** The fields a query is read against, and how much a match in each counts. */
    /** Every searched field with its weight, made once: the query parser only reads it. */
    static final Map<String, Float> WEIGHTS = weights();

    private static Map<String, Float> weights() {
        Map<String, Float> weights = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            weights.put(TITLE + lang, TITLE_WEIGHT);
            weights.put(TAGS + lang, TAGS_WEIGHT);
            weights.put(SUMMARY + lang, SUMMARY_WEIGHT);
            weights.put(BODY + lang, BODY_WEIGHT);
        }
        return Collections.unmodifiableMap(weights);
    }
}
