package org.itera.modelserver.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.itera.modelserver.api.FileBodies.FileDeleted;
import org.itera.modelserver.api.FileBodies.FileList;
import org.itera.modelserver.api.FileBodies.FileObject;
import org.itera.modelserver.finetune.files.FileStore;
import org.itera.modelserver.finetune.files.StoredFile;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** OpenAI's Files API for fine-tuning files: upload (validated), list, read, content, delete. */
@Path("/v1/files")
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {

    private final FileStore files;

    public FilesResource(FileStore files) {
        this.files = files;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public FileObject upload(@RestForm("file") FileUpload file, @RestForm("purpose") String purpose)
            throws IOException {
        if (purpose == null || purpose.isBlank()) {
            throw ApiException.invalid("'purpose' is required ('fine-tune')", "purpose");
        }
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("'file' is required: the JSONL training file as a multipart file part", "file");
        }
        return FileObject.of(files.add(file.uploadedFile(), file.fileName(), purpose));
    }

    @GET
    public FileList list(@QueryParam("purpose") String purpose, @QueryParam("after") String after,
                         @QueryParam("limit") Integer limit, @QueryParam("order") String order) {
        List<StoredFile> all = files.all().stream()
                .filter(f -> purpose == null || purpose.isBlank() || f.purpose().equals(purpose))
                .toList();
        if ("asc".equals(order)) {
            all = new ArrayList<>(all);
            Collections.reverse(all);
        } else if (order != null && !order.equals("desc")) {
            throw ApiException.invalid("'order' must be asc or desc", "order");
        }
        return FileList.of(Page.of(all, StoredFile::id, after, limit, Page.MAX_LIMIT));
    }

    @GET
    @Path("/{id}")
    public FileObject one(@PathParam("id") String id) {
        return FileObject.of(find(id));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@PathParam("id") String id) {
        find(id);
        return Response.ok(files.content(id).toFile(), "application/jsonl").build();
    }

    @DELETE
    @Path("/{id}")
    public FileDeleted delete(@PathParam("id") String id) {
        if (!files.delete(id)) {
            throw notFound(id);
        }
        return new FileDeleted(id, "file", true);
    }

    private StoredFile find(String id) {
        return files.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "invalid_request_error", "No such File object: " + id, "id", null);
    }
}
