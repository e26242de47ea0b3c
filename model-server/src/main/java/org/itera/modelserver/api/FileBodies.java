package org.itera.modelserver.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.itera.modelserver.finetune.files.StoredFile;

import java.util.List;

/** The JSON shapes of OpenAI's Files API. */
final class FileBodies {

    private FileBodies() {
    }

    record FileObject(String id, String object, long bytes, @JsonProperty("created_at") long createdAt,
                      String filename, String purpose, String status,
                      @JsonProperty("status_details") String statusDetails) {
        static FileObject of(StoredFile file) {
            return new FileObject(file.id(), "file", file.bytes(), file.createdAt(), file.filename(), file.purpose(),
                    "processed", null);
        }
    }

    record FileList(String object, List<FileObject> data, @JsonProperty("has_more") boolean hasMore,
                    @JsonProperty("first_id") String firstId, @JsonProperty("last_id") String lastId) {
        static FileList of(Page<StoredFile> page) {
            List<FileObject> data = page.items().stream().map(FileObject::of).toList();
            return new FileList("list", data, page.hasMore(), data.isEmpty() ? null : data.get(0).id(),
                    data.isEmpty() ? null : data.get(data.size() - 1).id());
        }
    }

    record FileDeleted(String id, String object, boolean deleted) {
    }
}
