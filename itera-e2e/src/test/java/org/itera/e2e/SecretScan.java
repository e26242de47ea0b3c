package org.itera.e2e;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

/**
 * Where a secret turns up: every file under a directory (logs, the broker's segments, the store's
 * file), every document of a database, every record (key, value, headers) of every topic.
 * Each method returns the places, empty when there are none.
 */
final class SecretScan {

    private SecretScan() {
    }

    static List<String> files(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (var walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            List<String> found = new ArrayList<>();
            for (Path file : files) {
                if (contains(Files.readAllBytes(file), needle)) {
                    found.add(file.toString());
                }
            }
            return found;
        }
    }

    static List<String> documents(MongoDatabase db, String secret) {
        List<String> found = new ArrayList<>();
        for (String collection : db.listCollectionNames()) {
            for (Document doc : db.getCollection(collection).find()) {
                if (doc.toJson().contains(secret)) {
                    found.add(collection + "/" + doc.get("_id"));
                }
            }
        }
        return found;
    }

    static List<String> records(String bootstrap, String secret) throws Exception {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            topics = admin.listTopics().names().get();
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(p -> new TopicPartition(t, p.partition()))).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (contains(record.key(), needle) || contains(record.value(), needle) || inHeaders(record, needle)) {
                        found.add(record.topic() + "-" + record.partition() + "@" + record.offset());
                    }
                }
            }
        }
        return found;
    }

    private static boolean inHeaders(ConsumerRecord<byte[], byte[]> record, byte[] needle) {
        for (Header header : record.headers()) {
            if (contains(header.value(), needle)) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return false;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
