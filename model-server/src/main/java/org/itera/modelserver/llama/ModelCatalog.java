package org.itera.modelserver.llama;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.config.ModelServerConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The models this server serves: every {@code *.gguf} in the models directory, loaded once at
 * start (a few small files fit easily in memory). A file that llama.cpp cannot load is logged
 * and left out. Models are found by id (file name without .gguf, case-insensitive) or alias.
 */
@ApplicationScoped
public class ModelCatalog {

    private static final Logger LOG = Logger.getLogger(ModelCatalog.class);

    private final ModelServerConfig config;
    private final Map<String, LoadedModel> models = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public ModelCatalog(ModelServerConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = Path.of(config.modelsDir());
        ModelLoader loader = new ModelLoader(config);
        for (Path file : ggufFiles(dir)) {
            try {
                LoadedModel model = loader.load(file);
                synchronized (models) {
                    models.put(model.id(), model);
                }
            } catch (Exception | UnsatisfiedLinkError e) {
                LOG.errorf("cannot load model %s: %s", file, e.getMessage());
            }
        }
        if (models.isEmpty()) {
            LOG.warnf("no loadable *.gguf model in %s; the service is not ready (run scripts/fetch-model.sh)", dir);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (models) {
            models.values().forEach(LoadedModel::close);
            models.clear();
        }
    }

    public List<LoadedModel> all() {
        synchronized (models) {
            return new ArrayList<>(models.values());
        }
    }

    public Optional<LoadedModel> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String id = config.aliases().getOrDefault(name.toLowerCase(Locale.ROOT), name);
        synchronized (models) {
            return Optional.ofNullable(models.get(id));
        }
    }

    private static List<Path> ggufFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warnf("models directory %s does not exist", dir);
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".gguf"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.errorf("cannot list models directory %s: %s", dir, e.getMessage());
            return List.of();
        }
    }
}
