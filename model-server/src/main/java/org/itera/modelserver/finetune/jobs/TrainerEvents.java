package org.itera.modelserver.finetune.jobs;

import org.itera.modelserver.finetune.trainer.TrainerEvent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns the trainer's progress lines into job events (OpenAI's "metrics" events for steps). */
final class TrainerEvents {

    private TrainerEvents() {
    }

    /** The job event for a progress line, or null for lines that end the run (handled apart). */
    static JobEvent of(TrainerEvent event) {
        switch (event.event()) {
            case "started" -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("examples", event.number("examples"));
                data.put("tokens", event.number("tokens"));
                data.put("total_steps", event.number("steps"));
                data.put("epochs", event.number("epochs"));
                return JobEvent.info(String.format(Locale.ROOT,
                        "Training started: %d examples, %d tokens, %d steps over %d epochs",
                        event.number("examples"), event.number("tokens"), event.number("steps"),
                        event.number("epochs")), data);
            }
            case "step" -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("step", event.number("step"));
                data.put("total_steps", event.number("total_steps"));
                data.put("epoch", event.numeric("epoch"));
                data.put("train_loss", event.decimal("loss"));
                data.put("learning_rate", event.numeric("learning_rate"));
                data.put("tokens", event.number("tokens"));
                return JobEvent.metrics(String.format(Locale.ROOT, "Step %d/%d: training loss=%.4f",
                        event.number("step"), event.number("total_steps"), event.decimal("loss")), data);
            }
            case "exporting" -> {
                return JobEvent.info("Exporting the fine-tuned model to GGUF");
            }
            default -> {
                return null;
            }
        }
    }

    /** The parameter a trainer error code points at. */
    static String paramOf(String code) {
        if ("invalid_training_file".equals(code)) {
            return "training_file";
        }
        return "invalid_base_model".equals(code) ? "model" : null;
    }
}
