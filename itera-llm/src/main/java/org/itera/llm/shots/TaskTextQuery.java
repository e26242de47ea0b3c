package org.itera.llm.shots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A BM25 "more like this text" query: each distinct term of the analysed text as one optional
 * clause, at most {@link #MAX_TERMS} of them (a long chat stays under Lucene's clause limit).
 */
final class TaskTextQuery {

    static final int MAX_TERMS = 512;

    private TaskTextQuery() {
    }

    /** The query, or null when the text has no term. */
    static Query of(Analyzer analyzer, String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text == null ? "" : text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach(t -> query.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return query.build();
    }
}
