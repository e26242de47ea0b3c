package org.itera.modelserver.finetune;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The model-server with the real trainer, capped at 3 steps, writing greedy reference answers. The
 * job exports F16 (-Ditera.test.outtype=q8_0 for the service's default): measured 2026-12-01, the
 * current llama.cpp answers the three reference prompts exactly as transformers does with an F16
 * export, while with the Q8_0 export it departs on two of them (at the first token on one, where
 * the base Q4_1 file departs too), so the comparison with transformers is only tight in F16.
 */
public class RealTrainerProfile implements QuarkusTestProfile {

    public static final Path DATA_DIR = FakeTrainerProfile.freshDir("real-trainer-data");
    public static final int MAX_STEPS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        String python = RealTrainer.python().map(Path::toString).orElse("python3");
        return Map.of("itera.model-server.data-dir", DATA_DIR.toString(),
                "itera.model-server.trainer.command", python + ",-m,itera_trainer",
                "itera.model-server.trainer.max-steps", String.valueOf(MAX_STEPS),
                "itera.model-server.trainer.reference-prompts", referencePrompts().toString(),
                "itera.model-server.trainer.outtype", System.getProperty("itera.test.outtype", "f16"));
    }

    static Path referencePrompts() {
        try {
            return Path.of(RealTrainerProfile.class.getResource("/reference-prompts.jsonl").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
