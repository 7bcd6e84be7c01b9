package org.rlsblog.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Lucene's simple query parser with what one query may cost bounded: how many words it has, how
 * many of them are patterns ({@code word*}, {@code word~1}), how many index terms a pattern may
 * stand for, and how far a fuzzy word or a sloppy phrase may reach. Past a bound a word is left
 * out or taken as a plain word, and {@link #shortened()} says so. One parser per query: it counts.
 */
final class BoundedQueryParser extends SimpleQueryParser {

    /** Words (and quoted phrases) searched at most; later ones are left out. */
    static final int MAX_WORDS = 10;
    /** Words with {@code *} or {@code ~} at most; later ones are searched as plain words. */
    static final int MAX_PATTERNS = 2;
    /** Letters a prefix needs before {@code *}; a shorter one is searched as a plain word. */
    static final int MIN_PREFIX = 2;
    /** Index terms one pattern stands for at most, per field: the most frequent are kept. */
    static final int MAX_EXPANSIONS = 16;
    /** Edits a fuzzy word may be away, whatever {@code ~N} asks for. */
    static final int MAX_EDITS = 1;
    /** Letters at the start of a fuzzy word that must match: spares reading every term. */
    static final int FUZZY_PREFIX = 1;
    /** Words a quoted phrase's words may be apart at most ({@code "a b"~N}). */
    static final int MAX_SLOP = 3;

    private int words;
    private int patterns;
    private boolean shortened;

    BoundedQueryParser(Analyzer analyzer, Map<String, Float> weights) {
        super(analyzer, weights);
    }

    /** Whether a bound left out a word, or took a pattern as a plain word. */
    boolean shortened() {
        return shortened;
    }

    @Override
    protected @Nullable Query newDefaultQuery(String text) {
        return counted() ? super.newDefaultQuery(text) : null;
    }

    @Override
    protected @Nullable Query newPhraseQuery(String text, int slop) {
        return counted() ? super.newPhraseQuery(text, Math.min(slop, MAX_SLOP)) : null;
    }

    @Override
    protected @Nullable Query newPrefixQuery(String text) {
        if (text.length() < MIN_PREFIX || !patternAllowed()) {
            return newDefaultQuery(text);
        }
        if (!counted()) {
            return null;
        }
        MultiTermQuery.RewriteMethod topTerms = new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS);
        return perField(field -> new PrefixQuery(new Term(field, normalized(field, text)), topTerms));
    }

    @Override
    protected @Nullable Query newFuzzyQuery(String text, int fuzziness) {
        if (!patternAllowed()) {
            return newDefaultQuery(text);
        }
        if (!counted()) {
            return null;
        }
        int edits = Math.min(fuzziness, MAX_EDITS);
        return perField(field ->
                new FuzzyQuery(new Term(field, normalized(field, text)), edits, FUZZY_PREFIX, MAX_EXPANSIONS, true));
    }

    private boolean counted() {
        if (words >= MAX_WORDS) {
            shortened = true;
            return false;
        }
        words++;
        return true;
    }

    private boolean patternAllowed() {
        if (patterns >= MAX_PATTERNS) {
            shortened = true;
            return false;
        }
        patterns++;
        return true;
    }

    private BytesRef normalized(String field, String text) {
        return getAnalyzer().normalize(field, text);
    }

    private interface FieldQuery {
        Query of(String field);
    }

    /** One query per searched field, each with its weight, as the parser itself builds them. */
    private Query perField(FieldQuery query) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> weight : weights.entrySet()) {
            Query q = query.of(weight.getKey());
            any.add(weight.getValue() == 1f ? q : new BoostQuery(q, weight.getValue()), BooleanClause.Occur.SHOULD);
        }
        return simplify(any.build());
    }
}
