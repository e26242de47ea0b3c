package org.itera.filter.store;

import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/** Which stored documents a count covers: all of them, or those of one run. */
public final class Scope {

    /** Every document. */
    public static final Bson ALL = new BsonDocument();

    private Scope() {
    }

    /** The documents of the scope that also match the filter. */
    public static Bson and(Bson scope, Bson... filters) {
        Bson all = filters.length == 1 ? filters[0] : Filters.and(filters);
        return scope == ALL ? all : Filters.and(scope, all);
    }

    /**
     * The documents of one run: library entries, repairs and dead letters carry {@code run};
     * trajectories carry the run that filed them in {@code run} and every run that pushed their
     * task in {@code runs} (a task pushed again in a later run is not graded again, but counts there).
     */
    public static Bson run(String runId) {
        return Filters.or(Filters.eq("run", runId), Filters.eq("runs", runId));
    }
}
