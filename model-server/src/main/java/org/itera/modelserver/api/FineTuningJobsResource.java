package org.itera.modelserver.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.itera.modelserver.api.JobBodies.EventList;
import org.itera.modelserver.api.JobBodies.JobList;
import org.itera.modelserver.api.JobBodies.JobObject;
import org.itera.modelserver.finetune.files.FileStore;
import org.itera.modelserver.finetune.jobs.Job;
import org.itera.modelserver.finetune.jobs.JobEvent;
import org.itera.modelserver.finetune.jobs.JobService;
import org.itera.modelserver.finetune.jobs.JobSpec;
import org.itera.modelserver.finetune.jobs.JobStore;

/** OpenAI's fine-tuning jobs API: create, list, retrieve, events, cancel. */
@Path("/v1/fine_tuning/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class FineTuningJobsResource {

    private final JobService service;
    private final JobStore jobs;
    private final FileStore files;

    public FineTuningJobsResource(JobService service, JobStore jobs, FileStore files) {
        this.service = service;
        this.jobs = jobs;
        this.files = files;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public JobObject create(String body) {
        JobSpec spec = JobRequestParser.parse(body);
        if (files.find(spec.trainingFile()).filter(f -> f.purpose().equals(FileStore.PURPOSE)).isEmpty()) {
            throw ApiException.invalid("invalid training_file: " + spec.trainingFile(), "training_file");
        }
        return JobObject.of(service.create(spec));
    }

    @GET
    public JobList list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return JobList.of(Page.of(jobs.all(), Job::id, after, limit, 20));
    }

    @GET
    @Path("/{id}")
    public JobObject one(@PathParam("id") String id) {
        return JobObject.of(find(id));
    }

    @GET
    @Path("/{id}/events")
    public EventList events(@PathParam("id") String id, @QueryParam("after") String after,
                            @QueryParam("limit") Integer limit) {
        find(id);
        return EventList.of(Page.of(jobs.events(id), JobEvent::id, after, limit, 20));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public JobObject cancel(@PathParam("id") String id) {
        Job before = find(id);
        if (before.isFinal()) {
            throw ApiException.invalid("Job " + id + " has already finished (" + before.status()
                    + ") and cannot be cancelled", null);
        }
        return JobObject.of(service.cancel(id).orElseThrow(() -> notFound(id)));
    }

    private Job find(String id) {
        return jobs.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "invalid_request_error", "No such fine-tuning job: " + id, "id", null);
    }
}
