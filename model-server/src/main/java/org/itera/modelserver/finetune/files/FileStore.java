package org.itera.modelserver.finetune.files;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.itera.modelserver.config.ModelServerConfig;
import org.itera.modelserver.finetune.store.DataDir;
import org.itera.modelserver.finetune.store.Ids;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded fine-tuning files: {@code files/<id>.jsonl} (the content) and {@code files/<id>.json}
 * (its metadata), both written atomically. The content is validated before anything is kept.
 */
@ApplicationScoped
public class FileStore {

    public static final String PURPOSE = "fine-tune";
    private static final Logger LOG = Logger.getLogger(FileStore.class);

    private final DataDir data;
    private final ModelServerConfig config;
    private final Map<String, StoredFile> files = new LinkedHashMap<>();

    public FileStore(DataDir data, ModelServerConfig config) {
        this.data = data;
        this.config = config;
    }

    synchronized void onStart(@Observes StartupEvent event) {
        for (Path meta : DataDir.list(data.files(), ".json")) {
            try {
                StoredFile file = data.readJson(meta, StoredFile.class);
                if (Files.isRegularFile(content(file.id()))) {
                    files.put(file.id(), file);
                }
            } catch (IOException e) {
                LOG.errorf("cannot read %s: %s", meta, e.getMessage());
            }
        }
        LOG.infof("%d fine-tuning files in %s", files.size(), data.files());
    }

    /** Validates and keeps an upload; {@code upload} is the uploaded bytes on disk. */
    public StoredFile add(Path upload, String filename, String purpose) throws IOException {
        if (!PURPOSE.equals(purpose)) {
            throw new InvalidFileException("'purpose' must be 'fine-tune' (the only purpose this server takes)",
                    "purpose");
        }
        long bytes = Files.size(upload);
        if (bytes > config.files().maxBytes()) {
            throw new InvalidFileException("The file has " + bytes + " bytes; the limit is "
                    + config.files().maxBytes(), "file");
        }
        try (InputStream in = Files.newInputStream(upload)) {
            JsonlValidator.validate(in);
        }
        StoredFile file = new StoredFile(Ids.next("file-"), bytes, Ids.now(),
                filename == null || filename.isBlank() ? "upload.jsonl" : filename, purpose);
        Path target = content(file.id());
        Path temp = DataDir.tempFor(target);
        Files.copy(upload, temp);
        DataDir.moveAtomically(temp, target);
        data.writeJson(data.files().resolve(file.id() + ".json"), file);
        synchronized (this) {
            files.put(file.id(), file);
        }
        return file;
    }

    public synchronized Optional<StoredFile> find(String id) {
        return Optional.ofNullable(files.get(id));
    }

    /** Newest first. */
    public synchronized List<StoredFile> all() {
        List<StoredFile> all = new ArrayList<>(files.values());
        all.sort(Comparator.comparingLong(StoredFile::createdAt).reversed());
        return all;
    }

    public synchronized boolean delete(String id) {
        if (files.remove(id) == null) {
            return false;
        }
        try {
            Files.deleteIfExists(data.files().resolve(id + ".json"));
            Files.deleteIfExists(content(id));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete file " + id, e);
        }
        return true;
    }

    /** Where the content of file {@code id} is kept. */
    public Path content(String id) {
        return data.files().resolve(id + ".jsonl");
    }
}
