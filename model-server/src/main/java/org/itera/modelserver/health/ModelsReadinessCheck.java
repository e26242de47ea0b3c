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

/** Ready when at least one model of the models directory is loaded and can serve. */
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
        List<String> ids = catalog.all().stream().map(LoadedModel::id).toList();
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("models")
                .withData("modelsDir", config.modelsDir())
                .withData("models", String.join(",", ids));
        return builder.status(!ids.isEmpty()).build();
    }
}
