package org.itera.core.setting.actorcritic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
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

    private static final List<String> ACCEPT = List.of("Verdict: accept", "The proposed answer is correct");
    private static final List<String> REJECT = List.of("Verdict: reject", "The proposed answer is not correct");

    @Test
    void aTeamMayStateItsVerdictsInPhrasesOfItsOwn() {
        assertThat(Verdict.read("The proposed answer is correct.", ACCEPT, REJECT)).isEqualTo(Verdict.ACCEPT);
        assertThat(Verdict.read("The proposed answer is not correct. The correct answer is 232.", ACCEPT, REJECT))
                .isEqualTo(Verdict.REJECT);
        assertThat(Verdict.read("**The proposed answer is correct.**\nIt adds 3 and 4.", ACCEPT, REJECT))
                .isEqualTo(Verdict.ACCEPT);
        assertThat(Verdict.read("I checked it.\nThe proposed answer is not correct.", ACCEPT, REJECT))
                .isEqualTo(Verdict.REJECT);
        assertThat(Verdict.read("Verdict: accept", ACCEPT, REJECT)).isEqualTo(Verdict.ACCEPT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"The proposed answer is correct.\nVerdict: reject", "The proposed answer is correct, I think.",
            "The proposed answer is not quite correct.", "Yes.", "It seems the proposed answer is correct."})
    void otherSentencesAndDisagreeingOnesAreUnparsed(String reply) {
        assertThat(Verdict.read(reply, ACCEPT, REJECT)).isEqualTo(Verdict.UNPARSED);
    }

    @Test
    void theArithmeticTeamReadsItsSentencesAndTheVerdictLine() {
        ActorCriticRules rules = ActorCriticRules.of(
                org.itera.core.team.TeamCatalog.standard().team("actor-critic", "arithmetic"));

        assertThat(rules.verdictOf("The proposed answer is not correct. It is 7.")).isEqualTo(Verdict.REJECT);
        assertThat(rules.verdictOf("Verdict: accept")).isEqualTo(Verdict.ACCEPT);
        assertThat(ActorCriticRules.of(org.itera.core.team.TeamCatalog.standard().team("actor-critic", "pubmedqa"))
                .verdictOf("The proposed answer is correct.")).isEqualTo(Verdict.UNPARSED);
    }

    @Test
    void malformedVerdictOptionsAreRefusedNamingTheTeam() {
        ActorCriticSetting broken = Episodes.withOptions(java.util.Map.of("verdicts", List.of("Verdict: accept")));

        assertThatThrownBy(() -> broken.start(Episodes.TASK))
                .hasMessageContaining("team actor-critic/arithmetic: option verdicts must be");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REJECT", "UNPARSED"})
    void onlyAnAcceptLetsTheEpisodeEnd(String verdict) {
        assertThat(Verdict.valueOf(verdict).rejects()).isTrue();
        assertThat(Verdict.ACCEPT.rejects()).isFalse();
    }
}
