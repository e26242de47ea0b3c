package org.itera.cli.stack;

import java.nio.file.Path;

/** The local broker's server.properties: one node, loopback only, sized for a small machine. */
final class KafkaServerProperties {

    private KafkaServerProperties() {
    }

    static String render(StackConfig config, Path dir) throws StackException {
        String host = StackConfig.HOST;
        int port = config.port(Component.KAFKA);
        int controller = Integer.parseInt(config.env().getOrDefault("KAFKA_CONTROLLER_PORT", "9093"));
        int partitions = config.kafkaPartitions();
        return """
                # Written by `itera up` at each start; change KafkaServerProperties, not this file.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@%1$s:%3$d
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%4$s
                num.partitions=%5$s
                default.replication.factor=1
                min.insync.replicas=1
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=8
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=4
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                num.network.threads=2
                num.io.threads=4
                num.recovery.threads.per.data.dir=1
                log.retention.hours=168
                """.formatted(host, port, controller, dir.resolve("data"), partitions);
    }
}
