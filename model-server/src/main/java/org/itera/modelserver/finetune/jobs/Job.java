package org.itera.modelserver.finetune.jobs;

/**
 * A fine-tuning job as stored. {@code model} is the base model as the client named it and
 * {@code baseModel} the served model id it resolved to (null until validated); {@code createdMillis}
 * keeps jobs created in the same second in order.
 */
public record Job(String id, String model, String baseModel, long createdAt, long createdMillis, Long finishedAt,
                  String fineTunedModel, String status, String trainingFile, Hyperparameters hyperparameters,
                  Long trainedTokens, JobError error, int seed, String suffix) {

    public Job withStatus(String newStatus) {
        return new Job(id, model, baseModel, createdAt, createdMillis, finishedAt, fineTunedModel, newStatus,
                trainingFile, hyperparameters, trainedTokens, error, seed, suffix);
    }

    public Job withBaseModel(String resolved) {
        return new Job(id, model, resolved, createdAt, createdMillis, finishedAt, fineTunedModel, status,
                trainingFile, hyperparameters, trainedTokens, error, seed, suffix);
    }

    public Job succeeded(String fineTuned, long tokens, long at) {
        return new Job(id, model, baseModel, createdAt, createdMillis, at, fineTuned, JobStatus.SUCCEEDED,
                trainingFile, hyperparameters, tokens, null, seed, suffix);
    }

    public Job failed(JobError failure, long at) {
        return new Job(id, model, baseModel, createdAt, createdMillis, at, null, JobStatus.FAILED,
                trainingFile, hyperparameters, trainedTokens, failure, seed, suffix);
    }

    public Job cancelled(long at) {
        return new Job(id, model, baseModel, createdAt, createdMillis, at, null, JobStatus.CANCELLED,
                trainingFile, hyperparameters, trainedTokens, null, seed, suffix);
    }

    public boolean isFinal() {
        return JobStatus.isFinal(status);
    }
}
