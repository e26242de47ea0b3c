package org.itera.modelserver.finetune.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The trainer's command line: the configured program, then {@code train} and its options. */
public final class TrainerCommand {

    private TrainerCommand() {
    }

    public static List<String> of(List<String> program, TrainerRequest request) {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of("train",
                "--base-gguf", request.baseGguf().toString(),
                "--train-file", request.trainFile().toString(),
                "--output-gguf", request.outputGguf().toString(),
                "--epochs", String.valueOf(request.epochs()),
                "--learning-rate", String.format(Locale.ROOT, "%.6g", request.learningRate()),
                "--batch-size", String.valueOf(request.batchSize()),
                "--seed", String.valueOf(request.seed()),
                "--threads", String.valueOf(request.threads()),
                "--outtype", request.outtype()));
        if (request.maxSteps() != null) {
            command.addAll(List.of("--max-steps", String.valueOf(request.maxSteps())));
        }
        if (request.referencePrompts() != null) {
            command.addAll(List.of("--reference-prompts", request.referencePrompts().toString(),
                    "--reference-out", request.referenceOut().toString()));
        }
        return command;
    }
}
