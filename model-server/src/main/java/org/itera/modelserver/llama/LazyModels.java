package org.itera.modelserver.llama;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fine-tuned models in memory: loaded on first use, at most {@code maxLoaded} kept. Loading one
 * more closes the least recently used models that are idle (nobody admitted); models in use are
 * never closed, so the bound may be passed for a while when every loaded model is busy.
 */
final class LazyModels {

    private static final Logger LOG = Logger.getLogger(LazyModels.class);

    private final ModelLoader loader;
    private final int maxLoaded;
    /** Access order: the first entry is the least recently used. */
    private final LinkedHashMap<String, LoadedModel> loaded = new LinkedHashMap<>(16, 0.75f, true);

    LazyModels(ModelLoader loader, int maxLoaded) {
        this.loader = loader;
        this.maxLoaded = Math.max(1, maxLoaded);
    }

    synchronized LoadedModel get(ServedModel model) throws IOException {
        LoadedModel held = loaded.get(model.id());
        if (held != null) {
            return held;
        }
        LoadedModel fresh = loader.load(model.file(), model.id());
        trim();
        loaded.put(model.id(), fresh);
        return fresh;
    }

    synchronized List<String> loadedIds() {
        return new ArrayList<>(loaded.keySet());
    }

    /** Closes a model that is no longer served, if nobody uses it now. */
    synchronized void drop(String id) {
        LoadedModel model = loaded.get(id);
        if (model != null && model.retire()) {
            loaded.remove(id);
            model.close();
        }
    }

    synchronized void stopGenerating() {
        loaded.values().forEach(LoadedModel::stopGenerating);
    }

    synchronized void closeAll() {
        loaded.values().forEach(ModelCatalog::closeWhenIdle);
        loaded.clear();
    }

    /** Makes room for one more model. */
    private void trim() {
        Iterator<Map.Entry<String, LoadedModel>> lru = loaded.entrySet().iterator();
        int excess = loaded.size() + 1 - maxLoaded;
        while (excess > 0 && lru.hasNext()) {
            LoadedModel model = lru.next().getValue();
            if (model.retire()) {
                lru.remove();
                model.close();
                excess--;
                LOG.infof("unloaded fine-tuned model %s (least recently used; at most %d kept)", model.id(), maxLoaded);
            }
        }
        if (excess > 0) {
            LOG.warnf("%d fine-tuned models loaded, above the bound of %d: the others are all in use",
                    loaded.size() + 1, maxLoaded);
        }
    }
}
