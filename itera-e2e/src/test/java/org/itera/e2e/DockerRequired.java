package org.itera.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips a test class that needs a Docker engine when Testcontainers finds none (the check behind
 * {@code @Testcontainers(disabledWithoutDocker = true)}, which stays on those classes), with a
 * reason that says what was skipped and how to run it.
 */
final class DockerRequired implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("a Docker engine is available");
        }
        return ConditionEvaluationResult.disabled(context.getRequiredTestClass().getSimpleName()
                + " skipped: no Docker engine found (Testcontainers looked at DOCKER_HOST, ~/.testcontainers.properties"
                + " and the usual sockets). It runs the services against the real images; to run it, start Docker"
                + " and see README.md, \"Tests against the real images (Docker)\".");
    }
}
