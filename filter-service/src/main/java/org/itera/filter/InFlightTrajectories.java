package org.itera.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The trajectories being filed right now, by batches filed at once: a batch claims the ids no other
 * batch holds, files those, releases them, and only then waits for the holders of the rest and
 * claims them again. So two copies of one trajectory (a redelivery racing its original) are never
 * filed at the same time, and the second finds the first published; and since a batch waits only
 * after it released everything it held, two batches never wait for each other.
 */
final class InFlightTrajectories {

    private final Map<String, CompletableFuture<Void>> held = new HashMap<>();

    /** What a batch holds, and what other batches held when it asked. */
    final class Claim {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final List<String> claimed = new ArrayList<>();
        private final Map<String, CompletableFuture<Void>> busy = new HashMap<>();

        List<String> claimed() {
            return claimed;
        }

        Collection<String> busy() {
            return busy.keySet();
        }

        /** Gives the claimed ids back, then waits until the batches holding the busy ones are done. */
        void releaseAndAwaitOthers() {
            synchronized (held) {
                claimed.forEach(held::remove);
            }
            done.complete(null);
            CompletableFuture.allOf(busy.values().toArray(CompletableFuture[]::new)).join();
        }
    }

    Claim claim(Collection<String> ids) {
        Claim claim = new Claim();
        synchronized (held) {
            for (String id : ids) {
                CompletableFuture<Void> holder = held.putIfAbsent(id, claim.done);
                if (holder == null) {
                    claim.claimed.add(id);
                } else {
                    claim.busy.put(id, holder);
                }
            }
        }
        return claim;
    }
}
