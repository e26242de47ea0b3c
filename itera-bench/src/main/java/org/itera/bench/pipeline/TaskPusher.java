package org.itera.bench.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Topics;
import org.itera.core.json.Json;

/** Pushes tasks onto {@code tasks}, keyed by id, and remembers when each one was acknowledged. */
final class TaskPusher {

    private TaskPusher() {
    }

    /** Task id to the epoch millisecond its record was acknowledged by the broker. */
    static Map<String, Long> push(String bootstrap, List<TaskEvent> tasks) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Map<String, Long> pushed = new ConcurrentHashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (TaskEvent task : tasks) {
                String json = Json.mapper().writeValueAsString(task);
                producer.send(new ProducerRecord<>(Topics.TASKS, task.id(), json), (meta, error) -> {
                    if (error == null) {
                        pushed.put(task.id(), System.currentTimeMillis());
                    }
                });
            }
            producer.flush();
        }
        if (pushed.size() != tasks.size()) {
            throw new IllegalStateException("the broker acknowledged " + pushed.size() + " of " + tasks.size() + " tasks");
        }
        return pushed;
    }
}
