package org.itera.filter.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itera.filter.store.DeadLetter;
import org.itera.filter.store.DeadLetterStore;

/**
 * Keeps every message of every {@code *-dlq} topic in the {@code dead-letters} collection (the
 * ledger {@code GET /runs/{id}} reads), with the reason the dead-lettering service gave in its
 * {@code dead-letter-reason} header. Any payload is accepted: a message here is never rejected,
 * only recorded; it is acknowledged once its entry is written.
 */
@ApplicationScoped
public class DeadLetterConsumer {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String CAUSE_HEADER = "dead-letter-cause";

    private final DeadLetterStore store;

    public DeadLetterConsumer(DeadLetterStore store) {
        this.store = store;
    }

    @Incoming("dead-letters")
    @Blocking
    public CompletionStage<Void> record(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> meta = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("a dead letter without Kafka metadata"));
        Headers headers = meta.getHeaders();
        Instant at = meta.getTimestamp() == null ? Instant.now() : meta.getTimestamp();
        store.save(DeadLetter.of(meta.getTopic(), meta.getPartition(), meta.getOffset(),
                meta.getKey() == null ? null : meta.getKey().toString(), message.getPayload(),
                header(headers, REASON_HEADER), header(headers, CAUSE_HEADER), at));
        return message.ack();
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
