package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.json.Json;
import org.itera.testing.KafkaBrokerResource;
import org.itera.testing.MongoServerResource;
import org.itera.testing.OpenAiMockResource;
import org.itera.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of finetune-service during a round (issue 15): the round trains two agents against
 * OpenAI's fine-tuning API (WireMock); the physicist's job has succeeded and its model is announced,
 * the mathematician's is running, when the process is killed. A new process, started at once,
 * resumes the round once the dead one's lease lapsed (while a client keeps asking for a round)
 * and finishes it: one file and one job per agent, each model announced once, one round.
 */
class FinetuneCrashIT {

    static final String PHYSICIST = "physics-physicist";
    static final String MATHEMATICIAN = "physics-mathematician";
    static final String PHYSICIST_MODEL = "ft:gpt-4o-mini-2024-07-18:itera:physics-physicist-r1:crash01";
    static final String MATHEMATICIAN_MODEL = "ft:gpt-4o-mini-2024-07-18:itera:physics-mathematician-r1:crash02";
    static final String TTL = "10s";
    static final int EXAMPLES = 10;
    static WireMockServer llm;
    static MongoClient mongo;
    static MongoDatabase db;
    static final List<ServiceProcess> services = new ArrayList<>();

    @BeforeAll
    static void start() {
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        llm.start();
        mongo = MongoClients.create(MongoServerResource.connectionString());
        db = mongo.getDatabase("itera");
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess service : services) {
            service.close();
        }
        mongo.close();
        llm.stop();
    }

    @Test
    void aRoundCutByKillMinus9ResumesInTheNextProcessWithNoJobOrModelTwice() throws Exception {
        FineTuningStubs stubs = new FineTuningStubs(llm).succeeds(PHYSICIST, PHYSICIST_MODEL)
                .runsUntilReleased(MATHEMATICIAN);
        ServiceProcess first = finetuneService();
        try (TopicWatcher topics = TopicWatcher.watch(KafkaBrokerResource.bootstrapServers(), "model-updates")) {
            for (String agent : List.of(PHYSICIST, MATHEMATICIAN)) {
                for (int i = 1; i <= EXAMPLES; i++) {
                    FinetuneRecord record = record(agent, i);
                    topics.send("finetune-records", record.trajectoryId(), Json.mapper().writeValueAsString(record));
                }
            }
            topics.await("model-updates", PHYSICIST::equals, 1, Duration.ofSeconds(90));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> job(PHYSICIST).get("finishedAt") != null
                    && polls(MATHEMATICIAN, Instant.EPOCH) >= 2);
            assertThat(job(MATHEMATICIAN).getString("status")).isEqualTo("running");

            Instant killed = Instant.now();
            first.kill();
            Instant restarted = Instant.now();
            Instant lapses = db.getCollection("finetune_leases").find(new Document("_id", "finetune-rounds")).first()
                    .getDate("expiresAt").toInstant();
            ServiceProcess second = finetuneService();
            Instant ready = Instant.now();
            RoundRequests requests = RoundRequests.every(Duration.ofMillis(250), second);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> polls(MATHEMATICIAN, restarted) > 0);
            Instant resumed = firstPoll(MATHEMATICIAN, restarted);
            stubs.release(MATHEMATICIAN, MATHEMATICIAN_MODEL);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "done".equals(round(1).getString("status")));
            Instant done = Instant.now();
            topics.await("model-updates", MATHEMATICIAN::equals, 1, Duration.ofSeconds(30));
            Thread.sleep(3000); // room for a second announcement or a second round to show
            requests.stop();

            assertThat(jobCreations(PHYSICIST)).as("jobs created for %s", PHYSICIST).isEqualTo(1);
            assertThat(jobCreations(MATHEMATICIAN)).as("jobs created for %s", MATHEMATICIAN).isEqualTo(1);
            assertThat(llm.findAll(postRequestedFor(urlEqualTo("/v1/files")))).as("files uploaded").hasSize(2);
            assertThat(polls(PHYSICIST, restarted)).as("the finished job is not followed again").isZero();
            assertThat(topics.records("model-updates", PHYSICIST::equals)).hasSize(1);
            assertThat(topics.records("model-updates", MATHEMATICIAN::equals)).hasSize(1)
                    .allSatisfy(r -> assertThat(r.value()).contains(MATHEMATICIAN_MODEL));
            assertThat(db.getCollection("finetune_rounds").countDocuments()).as("rounds").isEqualTo(1);
            assertThat(round(1).getList("trained", String.class)).containsExactlyInAnyOrder(PHYSICIST, MATHEMATICIAN);
            assertThat(db.getCollection("models").countDocuments(new Document("published", true))).isEqualTo(2);
            assertThat(job(MATHEMATICIAN).getString("fineTunedModel")).isEqualTo(MATHEMATICIAN_MODEL);
            assertThat(second.logText()).contains("round 1: following job ftjob-" + MATHEMATICIAN + " of " + MATHEMATICIAN
                    + " again after a restart");
            assertThat(resumed).as("resumed only once the dead process's lease lapsed").isAfterOrEqualTo(lapses);
            assertThat(requests.statuses()).as("round requests from the restart on: none opens a round").isNotEmpty()
                    .doesNotContain(200);
            assertThat(first.logText() + second.logText()).doesNotContain(OpenAiMockResource.TEST_API_KEY);

            System.out.printf("finetune-service kill -9: new process ready %d ms after the kill, its lease lapsed %d ms "
                            + "after the kill (ttl %s), round resumed %d ms after the new process's start (%d ms after "
                            + "the lapse), round done %d ms after its start; jobs created %d + %d, files %d, "
                            + "model-updates %d + %d, round requests %s%n",
                    Duration.between(killed, ready).toMillis(), Duration.between(killed, lapses).toMillis(), TTL,
                    Duration.between(restarted, resumed).toMillis(), Duration.between(lapses, resumed).toMillis(),
                    Duration.between(restarted, done).toMillis(), jobCreations(PHYSICIST), jobCreations(MATHEMATICIAN),
                    llm.findAll(postRequestedFor(urlEqualTo("/v1/files"))).size(),
                    topics.records("model-updates", PHYSICIST::equals).size(),
                    topics.records("model-updates", MATHEMATICIAN::equals).size(), requests.summary());
        }
    }

    private static ServiceProcess finetuneService() throws Exception {
        ServiceProcess service = ServiceProcess.start("finetune-service", Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", KafkaBrokerResource.bootstrapServers()),
                Map.entry("MONGODB_URI", MongoServerResource.connectionString()),
                Map.entry("OPENAI_BASE_URL", llm.baseUrl() + "/v1"),
                Map.entry("OPENAI_API_KEY", OpenAiMockResource.TEST_API_KEY),
                Map.entry("ITERA_LLM_MODEL", "gpt-4o-mini"), Map.entry("ITERA_FINETUNE_THRESHOLD", "10"),
                Map.entry("ITERA_FINETUNE_AUTO_DELAY", "1s"), Map.entry("ITERA_FINETUNE_POLL_INITIAL", "200ms"),
                Map.entry("ITERA_FINETUNE_POLL_MAX", "500ms"), Map.entry("ITERA_FINETUNE_LEASE_TTL", TTL),
                Map.entry("ITERA_FINETUNE_LEASE_RENEW_EVERY", "2s")));
        services.add(service);
        return service.awaitReady(Duration.ofSeconds(120));
    }

    private static FinetuneRecord record(String agent, int i) {
        String role = agent.substring("physics-".length());
        String trajectory = "e2e-crash/" + agent + "-" + i + "@r0#0";
        return new FinetuneRecord(FinetuneRecord.idFor(trajectory, role), agent, "physics", role, List.of(
                ChatMessage.system("You are the team's " + role + "."),
                ChatMessage.user("Case " + i + ": a cart covers " + (10 * i) + " m in 10 s. What is its speed in m/s?"),
                ChatMessage.assistant("v = d / t = " + i + " m/s.\nAnswer: " + i)), trajectory, "generated", 0);
    }

    private static int jobCreations(String agent) {
        return llm.findAll(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.suffix", containing(agent + "-r")))).size();
    }

    private static List<LoggedRequest> pollsSince(String agent, Instant since) {
        return llm.findAll(getRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/ftjob-" + agent))).stream()
                .filter(r -> !r.getLoggedDate().toInstant().isBefore(since)).toList();
    }

    private static int polls(String agent, Instant since) {
        return pollsSince(agent, since).size();
    }

    private static Instant firstPoll(String agent, Instant since) {
        return pollsSince(agent, since).stream().map(r -> r.getLoggedDate().toInstant()).min(Instant::compareTo)
                .orElseThrow();
    }

    private static Document job(String agent) {
        return db.getCollection("finetune_jobs").find(new Document("_id", agent + "@r1")).first();
    }

    private static Document round(int n) {
        return db.getCollection("finetune_rounds").find(new Document("_id", n)).first();
    }

    /** A client asking for a round ({@code POST /rounds}) at a fixed pace, as {@code itera round train} would. */
    static final class RoundRequests {

        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final List<String> bodies = new CopyOnWriteArrayList<>();
        private final Thread thread;

        private RoundRequests(Duration every, ServiceProcess service) {
            thread = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        HttpResponse<String> reply = service.post("/rounds", "");
                        statuses.add(reply.statusCode());
                        bodies.add(reply.body());
                        Thread.sleep(every.toMillis());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "round-requests");
            thread.setDaemon(true);
        }

        static RoundRequests every(Duration every, ServiceProcess service) {
            RoundRequests requests = new RoundRequests(every, service);
            requests.thread.start();
            return requests;
        }

        void stop() throws InterruptedException {
            thread.interrupt();
            thread.join(15_000);
        }

        List<Integer> statuses() {
            return statuses;
        }

        /** Each status with its count and the distinct reasons given, e.g. {@code 409 x8 [...]}. */
        String summary() {
            Map<Integer, List<String>> by = new java.util.TreeMap<>();
            for (int i = 0; i < statuses.size(); i++) {
                String reason = bodies.get(i).replaceAll("until [^)]+", "until ...");
                by.computeIfAbsent(statuses.get(i), s -> new ArrayList<>()).add(reason);
            }
            return by.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue().size() + " "
                    + e.getValue().stream().distinct().toList()).toList().toString();
        }
    }
}
