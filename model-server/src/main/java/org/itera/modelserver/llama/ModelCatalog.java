package org.itera.modelserver.llama;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.config.ModelServerConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The models this server serves: every {@code *.gguf} in the models directory, loaded once at
 * start, and the fine-tuned models registered by fine-tuning jobs, loaded on first use
 * ({@link LazyModels}). Each loaded model has its own llama.cpp engine process. A file whose
 * engine cannot start is logged and left out. Models are found
 * by id (case-insensitive) or alias.
 */
@ApplicationScoped
public class ModelCatalog {

    private static final Logger LOG = Logger.getLogger(ModelCatalog.class);
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);

    private final ModelServerConfig config;
    private final ModelLoader loader;
    private final LazyModels lazy;
    private final Map<String, LoadedModel> models = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, ServedModel> served = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public ModelCatalog(ModelServerConfig config) {
        this.config = config;
        this.loader = new ModelLoader(config);
        this.lazy = new LazyModels(loader, config.fineTuned().maxLoaded());
    }

    void onStart(@Observes StartupEvent event) {
        Path dir = Path.of(config.modelsDir());
        for (Path file : ModelLoader.ggufFiles(dir)) {
            try {
                LoadedModel model = loader.load(file);
                synchronized (models) {
                    models.put(model.id(), model);
                    served.put(model.id(), new ServedModel(model.id(), file, model.created(), null, null));
                }
            } catch (IOException | RuntimeException e) {
                LOG.errorf("cannot load model %s: %s", file, e.getMessage());
            }
        }
        if (models.isEmpty()) {
            LOG.warnf("no loadable *.gguf model in %s; the service is not ready (run scripts/fetch-model.sh)", dir);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        lazy.stopGenerating();
        synchronized (models) {
            models.values().forEach(LoadedModel::stopGenerating);
            models.values().forEach(ModelCatalog::closeWhenIdle);
            models.clear();
            served.clear();
        }
        lazy.closeAll();
    }

    /** Closes a stopped model once its requests have ended (they end at their next token). */
    static void closeWhenIdle(LoadedModel model) {
        try {
            if (!model.closeWhenIdle(SHUTDOWN_WAIT)) {
                LOG.warnf("model %s still had requests after %s; left to the process exit", model.id(), SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The base models loaded from the models directory. */
    public List<LoadedModel> all() {
        synchronized (models) {
            return new ArrayList<>(models.values());
        }
    }

    /** Every served model, base models first, then fine-tuned ones from the oldest. */
    public List<ServedModel> served() {
        synchronized (models) {
            return served.values().stream()
                    .sorted(Comparator.comparing(ServedModel::fineTuned).thenComparingLong(ServedModel::created))
                    .toList();
        }
    }

    /** The model a name (id or alias) stands for. */
    public Optional<ServedModel> describe(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String id = config.aliases().getOrDefault(name.toLowerCase(Locale.ROOT), name);
        synchronized (models) {
            return Optional.ofNullable(served.get(id));
        }
    }

    /** Adds a fine-tuned model; it is loaded when first asked for. */
    public void register(ServedModel model) {
        synchronized (models) {
            served.put(model.id(), model);
        }
    }

    /** Stops serving a fine-tuned model (it is closed now if idle, else when it next would be evicted). */
    public void unregister(String id) {
        synchronized (models) {
            ServedModel model = served.get(id);
            if (model == null || !model.fineTuned()) {
                return;
            }
            served.remove(id);
        }
        lazy.drop(id);
    }

    /** Admits a request of {@code sequences} sequences to the named model, loading it if needed. */
    public Optional<Admission> admit(String name, int sequences) {
        Optional<ServedModel> model = describe(name);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        if (!model.get().fineTuned()) {
            LoadedModel base;
            synchronized (models) {
                base = models.get(model.get().id());
            }
            return Optional.of(new Admission(base, base.admit(sequences)));
        }
        while (true) {
            try {
                LoadedModel loaded = lazy.get(model.get());
                return Optional.of(new Admission(loaded, loaded.admit(sequences)));
            } catch (ModelRetiredException e) {
                LOG.debugf("%s; loading it again", e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + model.get().id(), e);
            }
        }
    }

    /** Ids of the fine-tuned models in memory now, least recently used first. */
    public List<String> loadedFineTuned() {
        return lazy.loadedIds();
    }
}
