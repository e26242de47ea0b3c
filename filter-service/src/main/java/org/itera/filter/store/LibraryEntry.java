package org.itera.filter.store;

import org.itera.core.event.FinetuneRecord;

/** A library entry to store: the example, and the run of the trajectory it came from (null outside any run). */
public record LibraryEntry(FinetuneRecord example, String run) {
}
