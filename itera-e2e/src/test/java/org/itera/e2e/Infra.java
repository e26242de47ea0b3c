package org.itera.e2e;

import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;

/**
 * The broker and the store a scenario's services are wired to: their Kafka bootstrap servers and
 * their MongoDB connection string.
 */
record Infra(String kafka, String mongoUri) {

    /** This JVM's embedded broker and mongo-java-server (started on first use, one per JVM). */
    static Infra inJvm() {
        return new Infra(KafkaBrokerResource.bootstrapServers(), MongoServerResource.connectionString());
    }
}
