package org.itera.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayloadsTest {

    @Test
    void readsAnEvent() {
        ModelUpdateEvent update = Payloads.read("{\"agent\": \"gsm8k-planner\", \"model\": \"ft:x\", \"round\": 2}",
                ModelUpdateEvent.class, "model update");
        assertThat(update.agent()).isEqualTo("gsm8k-planner");
        assertThat(update.round()).isEqualTo(2);
    }

    @Test
    void anEmptyOrBlankPayloadIsNamedAsSuch() {
        assertThatThrownBy(() -> Payloads.read(null, TrajectoryEvent.class, "trajectory"))
                .hasMessage("empty trajectory message");
        assertThatThrownBy(() -> Payloads.read(" \n", TrajectoryEvent.class, "trajectory"))
                .hasMessage("empty trajectory message");
    }

    @Test
    void anOversizePayloadIsRefusedWithItsSizeInUtf8Bytes() {
        // 'é' is two bytes: 400 of them are 800 bytes in 400 chars
        String payload = "{\"id\": \"" + "é".repeat(400) + "\"}";
        int bytes = payload.length() + 400;
        assertThatThrownBy(() -> Payloads.read(payload, TrajectoryEvent.class, "trajectory", 500))
                .hasMessage("trajectory message of " + bytes + " bytes is over the limit of 500 bytes");
        assertThat(Payloads.read(payload, TrajectoryEvent.class, "trajectory", bytes).id()).startsWith("éé");
        assertThat(Payloads.utf8Length("a\u00e9\u4e2d\ud83d\ude00")).isEqualTo(1 + 2 + 3 + 4);
    }

    @Test
    void brokenJsonIsPlacedByLineAndColumn() {
        assertThatThrownBy(() -> Payloads.read("{\"id\": \"x\",\n \"turns\": [}", TrajectoryEvent.class, "trajectory"))
                .hasMessageStartingWith("not a JSON trajectory object: Unexpected close marker '}'")
                .hasMessageEndingWith("(line 2, column 12)");
        assertThatThrownBy(() -> Payloads.read("hello", TrajectoryEvent.class, "trajectory"))
                .hasMessageStartingWith("not a JSON trajectory object: Unrecognized token 'hello'");
    }

    @Test
    void jsonThatIsNotAnObjectIsNamed() {
        assertThatThrownBy(() -> Payloads.read("[1, 2]", FinetuneRecord.class, "finetune record"))
                .hasMessage("not a JSON finetune record object but an array");
        assertThatThrownBy(() -> Payloads.read("null", FinetuneRecord.class, "finetune record"))
                .hasMessage("not a JSON finetune record object but null");
        assertThatThrownBy(() -> Payloads.read("42", FinetuneRecord.class, "finetune record"))
                .hasMessage("not a JSON finetune record object but a number");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamedByItsPath() {
        assertThatThrownBy(() -> Payloads.read("{\"id\": \"t\", \"attempt\": \"second\"}", TrajectoryEvent.class,
                "trajectory")).hasMessageStartingWith("unreadable trajectory: field 'attempt': ");
        assertThatThrownBy(() -> Payloads.read("{\"id\": \"t\", \"turns\": \"all of them\"}", TrajectoryEvent.class,
                "trajectory")).hasMessageStartingWith("unreadable trajectory: field 'turns': ");
        assertThatThrownBy(() -> Payloads.read("{\"id\": \"t\", \"turns\": [{\"role\": \"a\", \"usage\": \"lots\"}]}",
                TrajectoryEvent.class, "trajectory")).hasMessageStartingWith("unreadable trajectory: field 'turns[0].usage': ");
    }
}
