package org.itera.modelserver.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a newest-first list in OpenAI's cursor style: the items after the one whose id is
 * {@code after} (from the start when null or unknown), at most {@code limit} of them.
 */
record Page<T>(List<T> items, boolean hasMore) {

    static final int MAX_LIMIT = 10_000;

    static <T> Page<T> of(List<T> all, Function<T, String> idOf, String after, Integer limit, int defaultLimit) {
        int size = limit == null ? defaultLimit : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.invalid("'limit' must be from 1 to " + MAX_LIMIT, "limit");
        }
        int start = 0;
        if (after != null && !after.isBlank()) {
            for (int i = 0; i < all.size(); i++) {
                if (idOf.apply(all.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + size);
        return new Page<>(all.subList(start, end), end < all.size());
    }
}
