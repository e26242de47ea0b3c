package org.itera.modelserver.finetune.jobs;

/** Why a job failed, as OpenAI reports it: a code, a human message and the parameter at fault. */
public record JobError(String code, String message, String param) {
}
