package org.itera.modelserver.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.llama.LoadedModel;
import org.itera.modelserver.llama.ModelCatalog;

import java.util.List;

/**
 * Ready when at least one model of the models directory is loaded and its engine serves; the data
 * name the models whose engine is down (restarting after a crash).
 */
@Readiness
@ApplicationScoped
public class ModelsReadinessCheck implements HealthCheck {

    private final ModelCatalog catalog;
    private final ModelServerConfig config;

    public ModelsReadinessCheck(ModelCatalog catalog, ModelServerConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        List<LoadedModel> models = catalog.all();
        List<String> serving = models.stream().filter(LoadedModel::serving).map(LoadedModel::id).toList();
        List<String> down = models.stream().filter(m -> !m.serving()).map(LoadedModel::id).toList();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("models")
                .withData("modelsDir", config.modelsDir())
                .withData("models", String.join(",", serving));
        if (!down.isEmpty()) {
            builder.withData("enginesDown", String.join(",", down));
        }
        return builder.status(!serving.isEmpty()).build();
    }
}
