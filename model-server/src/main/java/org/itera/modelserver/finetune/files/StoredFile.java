package org.itera.modelserver.finetune.files;

/** An uploaded file's metadata, as stored next to its content ({@code files/<id>.json}). */
public record StoredFile(String id, long bytes, long createdAt, String filename, String purpose) {
}
