package org.itera.modelserver.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.itera.modelserver.config.SmolLm2ModelResource;
import org.junit.jupiter.api.Test;

/** What the shutdown does to a generation in progress, on the real model. */
@QuarkusTest
@TestProfile(StopGeneratingTest.OwnApplication.class)
@QuarkusTestResource(SmolLm2ModelResource.class)
class StopGeneratingTest {

    /** A fresh application for this class alone: the model it stops is not the other tests' one. */
    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    ModelCatalog catalog;

    @Test
    void aStoppedModelCutsItsGenerationShortAtTheNextTokenAndThenCloses() throws Exception {
        LoadedModel model = catalog.all().get(0);
        Prompt prompt = model.prompt(List.of(new ChatMessage("user", "Write a very long story about a dragon.")));
        CountDownLatch firstText = new CountDownLatch(1);
        StringBuilder received = new StringBuilder();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Completion> completion = executor.submit(() -> model.generate(prompt,
                    new Sampling(2000, 0.8f, 1.0f, List.of(), 7), text -> {
                        received.append(text);
                        firstText.countDown();
                    }));
            assertThat(firstText.await(120, TimeUnit.SECONDS)).as("the generation started").isTrue();

            model.stopGenerating();

            assertThatThrownBy(completion::get).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(ShuttingDownException.class);
            assertThat(received).isNotEmpty();
            // nothing holds a place any more, so the model closes at once, and its engine process with it
            long engine = model.enginePid();
            assertThat(model.closeWhenIdle(java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(ProcessHandle.of(engine).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }
}
