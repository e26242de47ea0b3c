package org.itera.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Batches filed at once never file one trajectory together, and never wait for each other. */
class InFlightTrajectoriesTest {

    final InFlightTrajectories inFlight = new InFlightTrajectories();

    @Test
    void aTrajectoryHeldByAnotherBatchIsBusyUntilThatBatchReleasesIt() throws Exception {
        InFlightTrajectories.Claim first = inFlight.claim(List.of("a", "b"));
        InFlightTrajectories.Claim second = inFlight.claim(List.of("b", "c"));
        assertThat(first.claimed()).containsExactly("a", "b");
        assertThat(second.claimed()).containsExactly("c");
        assertThat(second.busy()).containsExactly("b");

        CompletableFuture<Void> secondDone = CompletableFuture.runAsync(second::releaseAndAwaitOthers);
        Thread.sleep(200);
        assertThat(secondDone).as("waits for the first batch").isNotDone();
        assertThat(inFlight.claim(List.of("c")).claimed()).as("released before waiting").containsExactly("c");

        first.releaseAndAwaitOthers();
        secondDone.get(5, TimeUnit.SECONDS);
        assertThat(inFlight.claim(List.of("a", "b")).claimed()).containsExactly("a", "b");
    }

    @Test
    void twoBatchesHoldingWhatTheOtherWantsBothFinish() throws Exception {
        InFlightTrajectories.Claim one = inFlight.claim(List.of("x"));
        InFlightTrajectories.Claim two = inFlight.claim(List.of("y", "x"));
        InFlightTrajectories.Claim oneAgain = inFlight.claim(List.of("y"));
        assertThat(oneAgain.busy()).containsExactly("y");

        CompletableFuture<Void> twoDone = CompletableFuture.runAsync(two::releaseAndAwaitOthers);
        CompletableFuture<Void> oneDone = CompletableFuture.runAsync(() -> {
            one.releaseAndAwaitOthers();
            oneAgain.releaseAndAwaitOthers();
        });
        CompletableFuture.allOf(oneDone, twoDone).get(5, TimeUnit.SECONDS);
    }
}
