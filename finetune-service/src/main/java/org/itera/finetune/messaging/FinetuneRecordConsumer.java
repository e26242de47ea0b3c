package org.itera.finetune.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.team.TeamCatalog;
import org.itera.finetune.FinetuneMetrics;
import org.itera.finetune.round.AutoRounds;
import org.itera.finetune.store.ExampleStore;

/**
 * {@code finetune-records} into {@code finetune_examples}. A redelivered record is recognised by
 * its id and ignored; an unusable one lands on {@code finetune-records-dlq} with the reason.
 */
@ApplicationScoped
public class FinetuneRecordConsumer {

    private final ExampleStore store;
    private final AutoRounds autoRounds;
    private final FinetuneMetrics metrics;
    private final TeamCatalog catalog;

    public FinetuneRecordConsumer(ExampleStore store, AutoRounds autoRounds, FinetuneMetrics metrics,
            TeamCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
        this.autoRounds = autoRounds;
        this.metrics = metrics;
    }

    @Incoming("finetune-records")
    @Blocking
    public void consume(String payload) {
        FinetuneRecord record = RecordReader.read(payload, catalog);
        boolean added = store.save(record);
        metrics.example(record.agent(), added);
        if (added) {
            autoRounds.exampleAdded(record.agent());
        }
    }
}
