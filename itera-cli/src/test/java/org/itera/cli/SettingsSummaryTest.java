package org.itera.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

class SettingsSummaryTest {

    private final SettingsSummary summary = new SettingsSummary(KnownSettings.standard());

    private static JsonNode stats(long n, long pt, long nt, long finalCorrect, long rejected, long helped, long unparsed) {
        String counts = String.format("{\"PT\": %d, \"PF\": 0, \"NT\": %d, \"NF\": %d, \"unparsed\": %d, \"judged\": %d,"
                + " \"judgeCorrect\": %d, \"actorCorrect\": %d, \"finalCorrect\": %d, \"rejected\": %d,"
                + " \"criticHelped\": %d}", pt, nt, n - pt - nt, unparsed, n, pt + nt, pt, finalCorrect, rejected, helped);
        try {
            return Json.mapper().readTree("{\"settings\": {\"actor-critic\": {\"arithmetic\": {\"train\": {\"n\": " + n
                    + ", \"counts\": " + counts + "}}}}}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void showsThisRunsCountersAndRatesAsTheDifferenceOfTwoStats() {
        JsonNode before = stats(10, 2, 3, 4, 3, 2, 1);
        JsonNode now = stats(30, 5, 9, 12, 9, 5, 2);

        String text = summary.render(before, now);

        assertThat(text).contains("Setting actor-critic (first attempts of this run)")
                .contains("arithmetic, train, 20 episodes: PT 3, PF 0, NT 6, NF 11, unparsed 1")
                .contains("tpAccuracy 15.0% (3/20)").contains("overallAccuracy 40.0% (8/20)")
                .contains("judgeAccuracy 45.0% (9/20)").contains("criticHelpRate 50.0% (3/6)");
    }

    @Test
    void saysNothingWhenTheRunAddedNoEpisode() {
        JsonNode same = stats(10, 2, 3, 4, 3, 2, 1);

        assertThat(summary.render(same, same)).isEmpty();
        assertThat(summary.render(null, Json.mapper().createObjectNode())).isEmpty();
    }
}
