package org.itera.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.StackConfig;
import org.itera.core.dataset.ArithmeticProblems;
import org.itera.core.dataset.Difficulty;
import org.itera.core.event.TaskEvent;
import org.itera.core.json.Json;
import org.itera.testing.OpenAiMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's crash scenario (issue 15), over the local stack as {@code itera up} runs it:
 * the broker, the store (with its file) and the services each a process. A run of seeded
 * arithmetic tasks, one in four answered wrong at first and rescued by one repair, goes on while
 * each part is killed with SIGKILL and brought back with {@code itera up}, one at a time
 * (generator, filter, feedback, the broker), the store is stopped for a while with repairs in
 * flight, and then the services and the broker are killed together. Afterwards every task is graded exactly once, the
 * library and the repairs are exact, nothing is dead-lettered, and the API key is nowhere.
 *
 * <p>{@code -Ditera.crash.tasks} (200) and {@code -Ditera.crash.outage-seconds} (30) size it; the
 * full suite ({@code mvn -Pfaults verify}) runs 600 tasks. Figures go to target/crash-figures.txt.
 * The mock answers every call after 400 ms and the generator and feedback run two at a time, so
 * the run lasts long enough for every crash to land mid-run.
 */
class CrashIT {

    static final int TASKS = Integer.getInteger("itera.crash.tasks", 200);
    static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("itera.crash.outage-seconds", 30));
    static final int WRONG_EVERY = 4;
    static final String KEY = "sk-itera-crash-" + UUID.randomUUID();
    /** {@code -Ditera.crash.env.NAME=value} sets NAME for the stack, e.g. ITERA_KAFKA_SESSION_TIMEOUT_MS. */
    static final String ENV_PREFIX = "itera.crash.env.";

    static WireMockServer llm;
    static ArithmeticScript script = new ArithmeticScript();
    static IteraCommand itera;
    static MongoClient mongo;

    @BeforeAll
    static void start() throws Exception {
        llm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(script));
        llm.start();
        llm.stubFor(get(urlEqualTo("/v1/models")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"owned_by\":\"system\"}]}")));
        llm.stubFor(post(urlEqualTo(OpenAiMock.CHAT_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(400).withTransformers(ArithmeticScript.NAME)));
        Map<String, String> settings = new HashMap<>(Map.of("OPENAI_BASE_URL", llm.baseUrl() + "/v1", "OPENAI_API_KEY", KEY,
                "ITERA_REPAIR_MAX_ATTEMPTS", "1", "ITERA_CONCURRENCY", "2", "ITERA_REPAIR_CONCURRENCY", "2"));
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(ENV_PREFIX))
                .forEach(name -> settings.put(name.substring(ENV_PREFIX.length()), System.getProperty(name)));
        itera = new IteraCommand("crash-home", settings);
        IteraCommand.Result up = itera.run("up");
        assertThat(up.exit()).as(up.err()).isZero();
        mongo = MongoClients.create(itera.stack().config().mongoUri() + "/?serverSelectionTimeoutMS=5000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (mongo != null) {
            mongo.close();
        }
        if (itera != null) {
            itera.run("down");
        }
        llm.stop();
    }

    @Test
    void killedOneAtATimeAndAllTogetherTheRunLosesAndDoublesNothing() throws Exception {
        List<TaskEvent> tasks = ArithmeticProblems.tasks(Difficulty.parse("d1s1-add"), 15, TASKS, TaskEvent.SPLIT_TRAIN);
        script.script(tasks, WRONG_EVERY);
        Set<String> wrongQuestions = script.wrongFirstQuestions();
        long wrong = tasks.stream().filter(t -> wrongQuestions.contains(t.question())).count();
        String run = "run-crash-" + UUID.randomUUID();
        push(tasks, run);
        Crashes crashes = new Crashes(itera, () -> filed(run));

        awaitFirstAttempts(run, TASKS / 10);
        crashes.kill("kill -9 generator-service", Component.GENERATOR);
        awaitFirstAttempts(run, TASKS * 25 / 100);
        crashes.kill("kill -9 filter-service", Component.FILTER);
        awaitRepairs(run, 3);
        crashes.kill("kill -9 feedback-service", Component.FEEDBACK);
        awaitFirstAttempts(run, TASKS * 50 / 100);
        crashes.kill("kill -9 the broker", Component.KAFKA);
        awaitFirstAttempts(run, TASKS * 60 / 100);
        repairsInFlight(run, 6);
        crashes.storeOutage(OUTAGE, Component.FILTER, Component.FEEDBACK);
        awaitFirstAttempts(run, TASKS * 75 / 100);
        crashes.kill("kill -9 broker, generator, filter, feedback", Component.KAFKA, Component.GENERATOR,
                Component.FILTER, Component.FEEDBACK);
        awaitDone(run);
        crashes.write(Path.of("target", "crash-figures.txt"), String.format("CrashIT: %d tasks (%d wrong at first), "
                + "LLM calls %d, store outage %d s", TASKS, wrong, script.calls(), OUTAGE.toSeconds()));

        assertExact(run, wrong);
        assertNoSecret();
    }

    private static void assertExact(String run, long wrong) throws Exception {
        MongoDatabase db = db();
        Document inRun = new Document("run", run);
        assertThat(db.getCollection("trajectories").countDocuments(new Document(inRun).append("attempt", 0)))
                .as("first attempts, one per task").isEqualTo(TASKS);
        assertThat(db.getCollection("trajectories").distinct("taskId", inRun, String.class).into(new ArrayList<>()))
                .hasSize(TASKS);
        assertThat(db.getCollection("trajectories").countDocuments(new Document(inRun).append("attempt", 1)))
                .as("repaired attempts, one per task wrong at first").isEqualTo(wrong);
        assertThat(db.getCollection("trajectories").countDocuments(new Document(inRun).append("attempt", 2))).isZero();
        List<String> ids = db.getCollection("trajectories").distinct("_id", inRun, String.class).into(new ArrayList<>());
        Document inLibrary = new Document("trajectoryId", new Document("$in", ids));
        assertThat(db.getCollection("experience").countDocuments(new Document(inLibrary).append("origin", "generated")))
                .as("library: both roles of every task right at first").isEqualTo(2 * (TASKS - wrong));
        assertThat(db.getCollection("experience").countDocuments(new Document(inLibrary).append("origin", "regenerated")))
                .as("library: both roles of every rescued task").isEqualTo(2 * wrong);
        assertThat(db.getCollection("repairs").countDocuments(inRun)).as("repairs").isEqualTo(wrong);
        assertThat(db.getCollection("dead-letters").countDocuments()).as("dead letters").isZero();
    }

    private static void assertNoSecret() throws Exception {
        StackConfig config = itera.stack().config();
        assertThat(SecretScan.files(itera.home(), KEY)).as("files under the home with the key").isEmpty();
        assertThat(SecretScan.documents(db(), KEY)).as("documents with the key").isEmpty();
        assertThat(SecretScan.records(config.kafkaBootstrap(), KEY)).as("records with the key").isEmpty();
    }

    private static void push(List<TaskEvent> tasks, String run) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, itera.stack().config().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<String, String>(props, new StringSerializer(), new StringSerializer())) {
            for (TaskEvent task : tasks) {
                producer.send(new ProducerRecord<>("tasks", task.id(), Json.mapper().writeValueAsString(task.withRun(run))));
            }
            producer.flush();
        }
    }

    /**
     * Makes sure feedback-service is repairing when the store goes: pauses the repair loop until
     * {@code backlog} failures wait, lets it go on, and returns once one more repair is done (the
     * rest are then in flight, each with its ledger write still to come).
     */
    private static void repairsInFlight(String run, long backlog) throws Exception {
        String feedback = itera.stack().config().url(Component.FEEDBACK);
        postTo(feedback + "/repairs/pause");
        Document failed = new Document("run", run).append("attempt", 0).append("correct", false);
        Awaitility.await("a backlog of " + backlog + " failures").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> db().getCollection("trajectories").countDocuments(failed)
                        - db().getCollection("repairs").countDocuments(new Document("run", run)) >= backlog);
        long done = db().getCollection("repairs").countDocuments(new Document("run", run));
        postTo(feedback + "/repairs/resume");
        awaitRepairs(run, done + 1);
    }

    private static void postTo(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + url + ": " + response.body()).isEqualTo(200);
    }

    private static MongoDatabase db() {
        return mongo.getDatabase("itera");
    }

    private static long filed(String run) {
        return db().getCollection("trajectories").countDocuments(new Document("run", run));
    }

    private static void awaitFirstAttempts(String run, long count) {
        Document firstAttempts = new Document("run", run).append("attempt", 0);
        Awaitility.await("first attempts >= " + count).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> db().getCollection("trajectories").countDocuments(firstAttempts) >= count);
    }

    private static void awaitRepairs(String run, long count) {
        Awaitility.await("repairs >= " + count).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> db().getCollection("repairs").countDocuments(new Document("run", run)) >= count);
    }

    /**
     * Until GET /runs/{id} has every task graded and none waiting for a repair (a task whose repair
     * was dead-lettered waits no more: the exact counts then fail, at once rather than at a timeout).
     */
    private static void awaitDone(String run) {
        String url = itera.stack().config().url(Component.FILTER) + "/runs/" + run;
        Awaitility.await("the run done").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    JsonNode tasks = Json.mapper().readTree(URI.create(url).toURL()).get("tasks");
                    return tasks.get("graded").asLong() == TASKS && tasks.get("waitingForRepair").asLong() == 0;
                });
    }
}
