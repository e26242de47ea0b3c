package org.itera.finetune.openai.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.itera.core.json.Json;
import org.junit.jupiter.api.Test;

class JobHyperparametersTest {

    private static String bodyWith(JobHyperparameters hyperparameters) {
        ObjectNode body = Json.mapper().createObjectNode().put("model", "m");
        hyperparameters.addTo(body);
        return body.toString();
    }

    @Test
    void everySetValueIsSentUnderOpenAisNames() {
        String body = bodyWith(new JobHyperparameters(Optional.of(8), Optional.of(2.5), Optional.of(2)));
        assertThat(body).isEqualTo("{\"model\":\"m\",\"hyperparameters\":"
                + "{\"n_epochs\":8,\"learning_rate_multiplier\":2.5,\"batch_size\":2}}");
    }

    @Test
    void onlyTheSetValuesAreSent() {
        String body = bodyWith(new JobHyperparameters(Optional.empty(), Optional.of(3.0), Optional.empty()));
        assertThat(body).isEqualTo("{\"model\":\"m\",\"hyperparameters\":{\"learning_rate_multiplier\":3.0}}");
    }

    @Test
    void noneSetLeavesTheChoiceToTheApi() {
        JobHyperparameters none = new JobHyperparameters(Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(none.isEmpty()).isTrue();
        assertThat(bodyWith(none)).isEqualTo("{\"model\":\"m\"}");
    }
}
