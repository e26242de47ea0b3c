package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.itera.core.setting.competitive.Games.tagged;

import org.itera.core.event.TrajectoryEvent;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

/** A game's trajectory as it crosses the broker: the same record and chats after JSON, weight 0 kept, null left out. */
class GameRecordJsonTest {

    @Test
    void aGameTrajectoryReadsBackAsItWasWritten() throws Exception {
        TrajectoryEvent game = CompetitiveSettingTest.played(Games.task("j1", "sell-buy", 3), tagged("a", "PRICE", "70"),
                "no idea", tagged("b", "PRICE", "50"), tagged("c", "ACCEPT", null));

        String json = Json.mapper().writeValueAsString(game);
        TrajectoryEvent read = Json.mapper().readValue(json, TrajectoryEvent.class);

        assertThat(read.game()).isEqualTo(game.game());
        assertThat(read.turns()).isEqualTo(game.turns());
        assertThat(read.task()).isEqualTo(game.task());
        assertThat(json).contains("\"weight\":0").doesNotContain("\"weight\":null");
        assertThat(read.game().moves()).extracting(m -> m.valid()).containsExactly(true, false, true, true);
        assertThat(Games.SETTING.score(read)).isEqualTo(Games.SETTING.score(game));
    }
}
