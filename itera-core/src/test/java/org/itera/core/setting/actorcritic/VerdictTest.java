package org.itera.core.setting.actorcritic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictTest {

    @ParameterizedTest
    @ValueSource(strings = {"Verdict: accept", "verdict: ACCEPT", "The sums check out.\nVerdict: accept.",
            "**Verdict:** accept", "  Verdict :  Accept  ", "Verdict: accept\n\nThanks."})
    void readsAnAcceptLine(String reply) {
        assertThat(Verdict.read(reply)).isEqualTo(Verdict.ACCEPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Verdict: reject", "3 + 4 is 7, not 8.\nVERDICT: Reject", "- Verdict: reject",
            "Verdict: reject\nVerdict: reject"})
    void readsARejectLine(String reply) {
        assertThat(Verdict.read(reply)).isEqualTo(Verdict.REJECT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Looks right.", "I accept this answer.", "Verdict: accepted",
            "Verdict: accept, but only just", "Verdict: maybe", "Verdict: accept\nVerdict: reject",
            "Opinion: True", "verdict accept", "My verdict: accept is what I would say if it were right"})
    void anythingElseIsUnparsed(String reply) {
        assertThat(Verdict.read(reply)).isEqualTo(Verdict.UNPARSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REJECT", "UNPARSED"})
    void onlyAnAcceptLetsTheEpisodeEnd(String verdict) {
        assertThat(Verdict.valueOf(verdict).rejects()).isTrue();
        assertThat(Verdict.ACCEPT.rejects()).isFalse();
    }
}
