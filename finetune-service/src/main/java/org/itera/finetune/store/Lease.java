package org.itera.finetune.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * A named lease in a collection: one document {@code {_id: name, holder, expiresAt}}. It is
 * taken or renewed in one atomic {@code findOneAndUpdate}: matched when this holder has it or it has
 * expired, inserted (upsert) when there is none; when another holder has it unexpired the upsert
 * meets the duplicate {@code _id} and fails, so exactly one holder wins. Expiry is by the holders'
 * clocks: keep them in sync to well within the lease's time to live.
 */
public final class Lease {

    private final MongoCollection<Document> leases;
    private final String name;
    private final Clock clock;

    public Lease(MongoCollection<Document> leases, String name, Clock clock) {
        this.leases = leases;
        this.name = name;
        this.clock = clock;
    }

    /** Takes the lease for {@code ttl}, or extends it if {@code holder} has it; false when another has it. */
    public boolean acquire(String holder, Duration ttl) {
        Date now = Date.from(clock.instant());
        Bson mine = and(eq("_id", name), or(eq("holder", holder), lt("expiresAt", now)));
        try {
            Document taken = leases.findOneAndUpdate(mine, Updates.combine(Updates.set("holder", holder),
                    Updates.set("expiresAt", Date.from(now.toInstant().plus(ttl)))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return taken != null && holder.equals(taken.getString("holder"));
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                return false;
            }
            throw e;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives the lease up at once, if {@code holder} has it (another may take it straight away). */
    public void release(String holder) {
        leases.updateOne(and(eq("_id", name), eq("holder", holder)),
                Updates.set("expiresAt", Date.from(clock.instant().minusMillis(1))));
    }

    /** The lease document, if it was ever taken: {@code holder}, {@code expiresAt}. */
    public Optional<Document> current() {
        return Optional.ofNullable(leases.find(eq("_id", name)).first());
    }
}
