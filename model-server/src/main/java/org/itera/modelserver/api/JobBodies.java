package org.itera.modelserver.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.itera.modelserver.finetune.jobs.FineTunedModels;
import org.itera.modelserver.finetune.jobs.Hyperparameters;
import org.itera.modelserver.finetune.jobs.Job;
import org.itera.modelserver.finetune.jobs.JobError;
import org.itera.modelserver.finetune.jobs.JobEvent;

import java.util.List;
import java.util.Map;

/** The JSON shapes of OpenAI's fine-tuning jobs API. */
final class JobBodies {

    private JobBodies() {
    }

    record HyperparametersBody(@JsonProperty("n_epochs") int nEpochs, @JsonProperty("batch_size") int batchSize,
                               @JsonProperty("learning_rate_multiplier") double learningRateMultiplier) {
        static HyperparametersBody of(Hyperparameters h) {
            return new HyperparametersBody(h.nEpochs(), h.batchSize(), h.learningRateMultiplier());
        }
    }

    record Supervised(HyperparametersBody hyperparameters) {
    }

    record Method(String type, Supervised supervised) {
    }

    record ErrorBody(String code, String message, String param) {
        static ErrorBody of(JobError error) {
            return error == null ? null : new ErrorBody(error.code(), error.message(), error.param());
        }
    }

    record JobObject(String object, String id, String model, @JsonProperty("created_at") long createdAt,
                     @JsonProperty("finished_at") Long finishedAt,
                     @JsonProperty("fine_tuned_model") String fineTunedModel,
                     @JsonProperty("organization_id") String organizationId,
                     @JsonProperty("result_files") List<String> resultFiles, String status,
                     @JsonProperty("validation_file") String validationFile,
                     @JsonProperty("training_file") String trainingFile,
                     HyperparametersBody hyperparameters, @JsonProperty("trained_tokens") Long trainedTokens,
                     ErrorBody error, int seed, String suffix,
                     @JsonProperty("estimated_finish") Long estimatedFinish, List<Object> integrations,
                     Map<String, String> metadata, Method method) {
        static JobObject of(Job job) {
            HyperparametersBody hyper = HyperparametersBody.of(job.hyperparameters());
            return new JobObject("fine_tuning.job", job.id(), job.baseModel() == null ? job.model() : job.baseModel(),
                    job.createdAt(), job.finishedAt(), job.fineTunedModel(), FineTunedModels.ORGANIZATION, List.of(),
                    job.status(), null, job.trainingFile(), hyper, job.trainedTokens(), ErrorBody.of(job.error()),
                    job.seed(), job.suffix(), null, List.of(), null, new Method("supervised", new Supervised(hyper)));
        }
    }

    record JobList(String object, List<JobObject> data, @JsonProperty("has_more") boolean hasMore) {
        static JobList of(Page<Job> page) {
            return new JobList("list", page.items().stream().map(JobObject::of).toList(), page.hasMore());
        }
    }

    record EventObject(String object, String id, @JsonProperty("created_at") long createdAt, String level,
                       String message, String type, Map<String, Object> data) {
        static EventObject of(JobEvent event) {
            return new EventObject("fine_tuning.job.event", event.id(), event.createdAt(), event.level(),
                    event.message(), event.type(), event.data() == null ? Map.of() : event.data());
        }
    }

    record EventList(String object, List<EventObject> data, @JsonProperty("has_more") boolean hasMore) {
        static EventList of(Page<JobEvent> page) {
            return new EventList("list", page.items().stream().map(EventObject::of).toList(), page.hasMore());
        }
    }
}
