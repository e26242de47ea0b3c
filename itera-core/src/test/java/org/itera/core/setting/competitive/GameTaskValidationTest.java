package org.itera.core.setting.competitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.itera.core.event.TaskEvent;
import org.itera.core.setting.SettingRegistry;
import org.itera.core.task.InvalidTaskException;
import org.itera.core.task.TaskValidator;
import org.junit.jupiter.api.Test;

/** Game tasks through the one task validator: accepted with their defaults, refused with every reason. */
class GameTaskValidationTest {

    private final TaskValidator validator = new TaskValidator(SettingRegistry.standard(Games.CATALOG));

    private String reasons(String json) {
        try {
            validator.parse(json);
            return "";
        } catch (InvalidTaskException e) {
            return String.join("\n", e.reasons());
        }
    }

    @Test
    void aGameTaskNeedsNoQuestionAndTakesItsGameAsItsSubject() {
        TaskEvent task = validator.parse("""
                {"id": "g1", "setting": "competitive", "game": "ultimatum", "seed": 42,
                 "overrides": {"moves": 6, "holdings": {"proposer": {"dollars": 50}}},
                 "seats": [{"agent": "ultimatum-proposer", "model": "ft:x"}, {}]}""");
        assertThat(task.subject()).isEqualTo("ultimatum");
        assertThat(task.split()).isEqualTo("train");
        assertThat(task.seed()).isEqualTo(42L);
        assertThat(task.seats()).hasSize(2);
        assertThat(Games.spec("ultimatum", task.overrides()).holdings().get("proposer")).containsEntry("dollars", 50);
    }

    @Test
    void aGameTaskWithoutAKnownGameIsRefusedNamingTheGames() {
        assertThat(reasons("{\"id\": \"g\", \"setting\": \"competitive\"}")).contains("missing game (one of [");
        assertThat(reasons("{\"id\": \"g\", \"setting\": \"competitive\", \"game\": \"chess\"}"))
                .contains("unknown game 'chess' (one of [").contains("ultimatum");
        assertThat(reasons("{\"id\": \"g\", \"setting\": \"competitive\", \"game\": \"ultimatum\", \"subject\": \"sell-buy\"}"))
                .contains("subject 'sell-buy' is not the game 'ultimatum'");
    }

    @Test
    void badOverridesAreRefusedOneReasonEach() {
        String reasons = reasons("""
                {"id": "g", "setting": "competitive", "game": "resource-exchange",
                 "overrides": {"moves": 0, "firstMover": "nobody", "trainable": ["judge"], "retries": 1.5,
                   "holdings": {"player1": {"X": -3, "Z": 2}, "player3": {}}, "colour": "red", "format": "xml"}}""");
        assertThat(reasons).contains("unknown override [colour]")
                .contains("moves must be a whole number from 1 to 40, not 0")
                .contains("firstMover must be one of [player1, player2], not nobody")
                .contains("trainable names 'judge', which is not a role of the game")
                .contains("retries must be a whole number from 0 to 5, not 1.5")
                .contains("holdings of player1: X must be a whole number from 0")
                .contains("holdings of player1 name 'Z', which is not a resource of the game")
                .contains("holdings names 'player3', which is not a role")
                .contains("unknown reply format 'xml'");
    }

    @Test
    void theGamesOwnRulesCheckTheirData() {
        assertThat(reasons("""
                {"id": "g", "setting": "competitive", "game": "ultimatum",
                 "overrides": {"holdings": {"proposer": {"dollars": 0}}}}"""))
                .contains("the first role (proposer) holds the pot");
        assertThat(reasons("""
                {"id": "g", "setting": "competitive", "game": "sell-buy",
                 "overrides": {"holdings": {"seller": {"item": 0, "dollars": 0}}}}"""))
                .contains("the first role (seller) sells");
    }

    @Test
    void seatsNameAgentsOfTheGame() {
        assertThat(reasons("""
                {"id": "g", "setting": "competitive", "game": "ultimatum",
                 "seats": [{"agent": "physics-physicist"}]}"""))
                .contains("seat 1 names agent 'physics-physicist', which is not of game ultimatum");
        assertThat(reasons("""
                {"id": "g", "setting": "competitive", "game": "ultimatum", "seats": [{}, {}, {}]}"""))
                .contains("a game has two seats, the task names 3");
    }

    @Test
    void aGameCannotStartFromAnInvalidTask() {
        TaskEvent task = TaskEvent.ofGame("g", "competitive", "ultimatum", 1L,
                java.util.Map.of("moves", 99), "train", 0).withDefaults();
        assertThatThrownBy(() -> Games.SETTING.start(task)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("moves must be a whole number from 1 to 40");
    }
}
