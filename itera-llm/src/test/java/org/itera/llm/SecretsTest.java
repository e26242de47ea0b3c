package org.itera.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final String KEY = "sk-test-8f2b1c9d4e";

    @Test
    void replacesEveryOccurrenceOfTheKey() {
        String text = "401 for Authorization: Bearer " + KEY + " (key " + KEY + ")";

        assertThat(Secrets.redact(text, Optional.of(KEY)))
                .isEqualTo("401 for Authorization: Bearer *** (key ***)")
                .doesNotContain(KEY);
    }

    @Test
    void leavesTextWithoutTheKeyAlone() {
        assertThat(Secrets.redact("model not found: gpt-x", Optional.of(KEY))).isEqualTo("model not found: gpt-x");
    }

    @Test
    void leavesTextAloneWhenThereIsNoKey() {
        assertThat(Secrets.redact("Bearer sk-anything", Optional.empty())).isEqualTo("Bearer sk-anything");
    }

    @Test
    void aBlankKeyRedactsNothing() {
        String text = "a b  c";

        assertThat(Secrets.redact(text, Optional.of(""))).isEqualTo(text);
        assertThat(Secrets.redact(text, Optional.of("  "))).isEqualTo(text);
    }

    @Test
    void isNullSafe() {
        assertThat(Secrets.redact(null, Optional.of(KEY))).isNull();
        assertThat(Secrets.redact(null, Optional.empty())).isNull();
    }

    @Test
    void replacesTheKeyLiterallyNotAsAPattern() {
        String key = "k.y+$1";

        assertThat(Secrets.redact("kXy+$1 and k.y+$1", Optional.of(key))).isEqualTo("kXy+$1 and ***");
    }
}
