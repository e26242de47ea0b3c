package org.itera.llm.shots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The experience library in memory, searchable by task text: a Lucene index (English analysis,
 * BM25) of every {@link LibraryEntry}. Adding is idempotent by the entry's id; a search sees every
 * entry added before it. Thread-safe.
 */
public final class ExperienceIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String AGENT = "agent";
    private static final String TASK_KEY = "task-key";
    private static final String TEXT = "text";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Map<String, LibraryEntry> entries = new ConcurrentHashMap<>();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public ExperienceIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(),
                    new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the entry unless one with its id is there already; true if it was added. */
    public boolean add(LibraryEntry entry) {
        return addAll(List.of(entry)) == 1;
    }

    /** Adds the entries not there already (by id), searchable together; returns how many were added. */
    public synchronized int addAll(List<LibraryEntry> batch) {
        int added = 0;
        try {
            for (LibraryEntry entry : batch) {
                if (entries.putIfAbsent(entry.id(), entry) == null) {
                    writer.updateDocument(new Term(ID, entry.id()), document(entry));
                    added++;
                }
            }
            if (added > 0) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return added;
    }

    /**
     * The {@code k} entries of {@code agent} whose task text is most similar to {@code text} (BM25),
     * best first, never one of the task {@code excludedTaskId} (by {@link SameTask}).
     */
    public List<LibraryEntry> similar(String agent, String excludedTaskId, String text, int k) {
        if (k <= 0 || entries.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AGENT, agent)), Occur.FILTER)
                .add(similarTo(text), Occur.MUST);
        if (excludedTaskId != null) {
            query.add(new TermQuery(new Term(TASK_KEY, SameTask.key(excludedTaskId))), Occur.MUST_NOT);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<LibraryEntry> found = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), k).scoreDocs) {
                    found.add(entries.get(searcher.storedFields().document(hit.doc).get(ID)));
                }
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many entries the index holds. */
    public int size() {
        return entries.size();
    }

    private static Document document(LibraryEntry entry) {
        Document document = new Document();
        document.add(new StringField(ID, entry.id(), Field.Store.YES));
        document.add(new StringField(AGENT, entry.agent(), Field.Store.NO));
        document.add(new StringField(TASK_KEY, SameTask.key(entry.taskId()), Field.Store.NO));
        document.add(new TextField(TEXT, entry.text(), Field.Store.NO));
        return document;
    }

    private Query similarTo(String text) {
        Query query = TaskTextQuery.of(analyzer, TEXT, text);
        return query == null ? new MatchAllDocsQuery() : query;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        analyzer.close();
    }
}
