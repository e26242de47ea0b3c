package org.itera.cli.round;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.itera.cli.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoundDriverTest {

    private static final String RUNNING_R0 = """
            [{"_id":"arithmetic@r0","round":0,"subject":"arithmetic","status":"running","tasks":50}]""";
    private static final String DONE_R0 = """
            [{"_id":"arithmetic@r0","round":0,"subject":"arithmetic","status":"done","n":50,"correct":12,
              "accuracy":0.24,"ci95":{"low":0.143,"high":0.374},"models":{"arithmetic-calculator":"smollm2-135m"}}]""";

    private final ByteArrayOutputStream outBuffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBuffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBuffer, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBuffer, true, StandardCharsets.UTF_8);
    private final FakeClock clock = new FakeClock();
    private ScriptedFinetuneService service;

    static final class FakeClock implements Clock {
        long now;

        @Override
        public long millis() {
            return now;
        }

        @Override
        public void sleep(long millis) {
            now += millis;
        }
    }

    @BeforeEach
    void start() throws Exception {
        service = new ScriptedFinetuneService();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private int run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--finetune";
        all[args.length + 1] = service.url();
        return RoundDriver.run(all, clock, out, err);
    }

    private String out() {
        return outBuffer.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBuffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void evaluateStartsTheEvaluationAndWaitsForItsResult() {
        service.on("GET /evaluations", 200, "[]").on("GET /evaluations", 200, RUNNING_R0)
                .on("GET /evaluations", 200, RUNNING_R0).on("GET /evaluations", 200, DONE_R0)
                .on("POST /rounds/0/evaluate", 202, "{\"round\":0,\"tasks\":50,\"status\":\"running\"}");

        assertThat(run("evaluate", "--round", "0")).isEqualTo(RoundDriver.OK);

        assertThat(out()).contains("arithmetic round 0: 12/50 = 24.0% (95% CI 14.3-37.4%)");
        assertThat(service.received()).containsOnlyOnce("POST /rounds/0/evaluate");
        assertThat(service.received().stream().filter("GET /evaluations"::equals)).hasSize(4);
    }

    @Test
    void aLongEvaluationSaysHowManyTasksAreGraded() {
        String graded = RUNNING_R0.replace("\"tasks\":50", "\"tasks\":50,\"graded\":20");
        service.on("GET /evaluations", 200, "[]");
        for (int i = 0; i < 25; i++) {
            service.on("GET /evaluations", 200, graded);
        }
        service.on("GET /evaluations", 200, DONE_R0)
                .on("POST /rounds/0/evaluate", 202, "{\"round\":0,\"tasks\":50,\"status\":\"running\"}");

        assertThat(run("evaluate", "--round", "0")).isEqualTo(RoundDriver.OK);

        assertThat(err()).contains("waiting for the evaluation of round 0 (60s, 20/50 graded [########............])");
    }

    @Test
    void evaluateSendsTheTestSetWithTheRequest() throws Exception {
        service.on("GET /evaluations", 200, "[]").on("GET /evaluations", 200, DONE_R0)
                .on("POST /rounds/0/evaluate", 202, "{\"round\":0,\"tasks\":50,\"status\":\"running\"}");

        assertThat(run("evaluate", "--round", "0", "--file", "/data/test.jsonl", "--limit", "50", "--run", "run-7.before"))
                .isEqualTo(RoundDriver.OK);

        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(service.lastBody("POST /rounds/0/evaluate"));
        assertThat(body.get("file").asText()).isEqualTo("/data/test.jsonl");
        assertThat(body.get("limit").asInt()).isEqualTo(50);
        assertThat(body.get("run").asText()).isEqualTo("run-7.before");
        assertThat(body.get("setting").asText()).isEqualTo("problem-solving");
    }

    @Test
    void reuseShowsAFinishedEvaluationWithoutRunningItAgain() {
        service.on("GET /evaluations", 200, DONE_R0);

        assertThat(run("evaluate", "--round", "0", "--reuse")).isEqualTo(RoundDriver.OK);

        assertThat(out()).contains("12/50").contains("evaluated earlier");
        assertThat(service.received()).doesNotContain("POST /rounds/0/evaluate");
    }

    @Test
    void anEvaluationThatCannotStartFailsWithTheServiceMessage() {
        service.on("GET /evaluations", 200, "[]")
                .on("POST /rounds/0/evaluate", 400, "{\"error\":\"evaluation is not configured\"}");

        assertThat(run("evaluate", "--round", "0")).isEqualTo(RoundDriver.FAILED);

        assertThat(err()).contains("HTTP 400").contains("evaluation is not configured");
    }

    @Test
    void waitingEndsAtTheTimeout() {
        service.on("GET /evaluations", 200, "[]").on("GET /evaluations", 200, RUNNING_R0)
                .on("POST /rounds/0/evaluate", 202, "{\"tasks\":50}");

        assertThat(run("evaluate", "--round", "0", "--timeout", "30", "--poll-ms", "1000"))
                .isEqualTo(RoundDriver.FAILED);

        assertThat(err()).contains("gave up waiting for the evaluation of round 0 after 30s");
        assertThat(clock.now).isBetween(30_000L, 31_000L);
    }

    @Test
    void trainWaitsForTheRoundAndPrintsEachJob() {
        service.on("POST /rounds", 200, "{\"round\":1,\"agents\":[\"arithmetic-calculator\",\"arithmetic-reporter\"]}")
                .on("GET /rounds/1", 200, "{\"_id\":1,\"status\":\"running\",\"jobs\":[]}")
                .on("GET /rounds/1", 200, """
                        {"_id":1,"status":"done","jobs":[
                          {"agent":"arithmetic-calculator","status":"succeeded","examples":21,
                           "fineTunedModel":"ft:smollm2-135m:arithmetic-calculator-r1:abc"},
                          {"agent":"arithmetic-reporter","status":"failed","examples":12,"reason":"loss diverged"}]}""");

        assertThat(run("train")).isEqualTo(RoundDriver.OK);

        assertThat(out()).contains("arithmetic-calculator: succeeded, ft:smollm2-135m:arithmetic-calculator-r1:abc (21 examples)")
                .contains("arithmetic-reporter: failed (loss diverged); keeps its model")
                .endsWith("round=1" + System.lineSeparator());
    }

    @Test
    void trainWithASubjectNamesItSoTheRoundTrainsOnlyItsTeam() throws Exception {
        service.on("POST /rounds", 200, "{\"round\":4,\"agents\":[\"arithmetic-star-solver\"]}")
                .on("GET /rounds/4", 200, "{\"_id\":4,\"status\":\"done\",\"jobs\":[]}");

        assertThat(run("train", "--subject", "arithmetic-star", "--run", "run-9")).isEqualTo(RoundDriver.OK);

        JsonNode body = new ObjectMapper().readTree(service.lastBody("POST /rounds"));
        assertThat(body.get("subjects")).extracting(JsonNode::asText)
                .containsExactly("arithmetic-star");
        assertThat(body.get("run").asText()).isEqualTo("run-9");
        assertThat(out()).contains("round=4");
    }

    @Test
    void trainWithoutASubjectNamesNone() throws Exception {
        service.on("POST /rounds", 200, "{\"round\":1,\"agents\":[]}")
                .on("GET /rounds/1", 200, "{\"_id\":1,\"status\":\"done\",\"jobs\":[]}");

        assertThat(run("train")).isEqualTo(RoundDriver.OK);

        JsonNode body = new ObjectMapper().readTree(service.lastBody("POST /rounds"));
        assertThat(body.has("subjects")).isFalse();
        assertThat(body.has("run")).isFalse();
    }

    @Test
    void trainJoinsARoundThatIsAlreadyRunning() {
        service.on("POST /rounds", 409, "{\"error\":\"a round is running\"}")
                .on("GET /rounds", 200, "[{\"_id\":1,\"status\":\"done\"},{\"_id\":2,\"status\":\"running\"}]")
                .on("GET /rounds/2", 200, "{\"_id\":2,\"status\":\"done\",\"jobs\":[]}");

        assertThat(run("train")).isEqualTo(RoundDriver.OK);

        assertThat(out()).contains("round=2");
    }

    @Test
    void trainWithTooFewExamplesSaysSoAndExitsThree() {
        service.on("POST /rounds", 422, """
                {"error":"no agent has enough untrained examples","untrained":{"arithmetic-calculator":4}}""");

        assertThat(run("train")).isEqualTo(RoundDriver.NOTHING_TO_TRAIN);

        assertThat(err()).contains("no agent has enough new examples").contains("\"arithmetic-calculator\":4");
    }

    @Test
    void reportComparesTheTwoRoundsPerSubject() {
        service.on("GET /evaluations", 200, """
                [{"round":0,"subject":"arithmetic","status":"done","n":50,"correct":12,"ci95":{"low":0.143,"high":0.374},
                  "models":{"arithmetic-calculator":"smollm2-135m"}},
                 {"round":1,"subject":"arithmetic","status":"done","n":50,"correct":30,"ci95":{"low":0.462,"high":0.723},
                  "models":{"arithmetic-calculator":"ft:smollm2-135m:calc:1"}}]""");

        assertThat(run("report", "--before", "0", "--after", "1")).isEqualTo(RoundDriver.OK);

        assertThat(out()).contains("before (round 0): 12/50 = 24.0%").contains("after  (round 1): 30/50 = 60.0%")
                .contains("change: +36.0 points; better beyond both 95% intervals")
                .contains("arithmetic-calculator: ft:smollm2-135m:calc:1");
    }

    @Test
    void reportWithoutBothRoundsFails() {
        service.on("GET /evaluations", 200, DONE_R0);

        assertThat(run("report", "--before", "0", "--after", "1")).isEqualTo(RoundDriver.FAILED);

        assertThat(err()).contains("no subject has evaluations of both round 0 and round 1");
    }

    @Test
    void latestIsTheHighestRoundWhoseTrainingEnded() {
        service.on("GET /rounds", 200, "[{\"_id\":1,\"status\":\"done\"},{\"_id\":3,\"status\":\"done\"},"
                + "{\"_id\":4,\"status\":\"running\"}]");

        assertThat(run("latest")).isEqualTo(RoundDriver.OK);

        assertThat(out().strip()).isEqualTo("3");
    }

    @Test
    void latestIsZeroBeforeAnyRound() {
        service.on("GET /rounds", 200, "[]");

        assertThat(run("latest")).isEqualTo(RoundDriver.OK);

        assertThat(out().strip()).isEqualTo("0");
    }

    @Test
    void badArgumentsPrintTheUsage() {
        assertThat(RoundDriver.run(new String[] {"evaluate", "--finetune", "http://x"}, clock, out, err))
                .isEqualTo(org.itera.cli.ExitCodes.USAGE);
        assertThat(err()).contains("Missing required option: '--round=N'").contains("Usage: round evaluate");
    }

    @Test
    void anUnreachableServiceIsNamed() {
        service.close();
        assertThat(run("train")).isEqualTo(RoundDriver.FAILED);
        assertThat(err()).contains("no service answers at " + service.url());
    }
}
