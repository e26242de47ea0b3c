package org.itera.cli.stack;

import java.util.List;
import java.util.Map;

/**
 * A part of the local stack: the broker, the store, the local model and the services, each with
 * its default port and the environment variable that moves it.
 */
public enum Component {
    KAFKA("kafka", null, 9092, "KAFKA_PORT"),
    MONGO("mongo", null, 27017, "MONGO_PORT"),
    MODEL_SERVER("model-server", "model-server", 8090, "ITERA_MODEL_SERVER_PORT"),
    FEEDBACK("feedback-service", "feedback-service", 8083, "ITERA_FEEDBACK_PORT"),
    GENERATOR("generator-service", "generator-service", 8081, "ITERA_GENERATOR_PORT"),
    FILTER("filter-service", "filter-service", 8082, "ITERA_FILTER_PORT"),
    FINETUNE("finetune-service", "finetune-service", 8084, "ITERA_FINETUNE_PORT");

    /** The pipeline's services, in start order (feedback first: filter asks it whether repairs are paused). */
    public static final List<Component> PIPELINE = List.of(FEEDBACK, GENERATOR, FILTER);

    private final String label;
    private final String module;
    private final int defaultPort;
    private final String portVariable;

    Component(String label, String module, int defaultPort, String portVariable) {
        this.label = label;
        this.module = module;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }

    public String label() {
        return label;
    }

    /** The Maven module of a Quarkus service; null for the broker and the store. */
    public String module() {
        return module;
    }

    public boolean isService() {
        return module != null;
    }

    public String portVariable() {
        return portVariable;
    }

    /** The port: the environment's {@link #portVariable()} when set, else the default. */
    public int port(Map<String, String> env) {
        String value = env.get(portVariable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(portVariable + " must be a port number, not '" + value + "'");
        }
    }

    public static Component byLabel(String label) {
        for (Component component : values()) {
            if (component.label.equals(label)) {
                return component;
            }
        }
        throw new IllegalArgumentException("unknown component '" + label + "'");
    }
}
