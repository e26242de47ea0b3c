package org.itera.llm.shots;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.AgentCaller;
import org.itera.core.team.ShotsRule;
import org.itera.core.team.ShotsRule.Shots;
import org.itera.core.team.TeamCatalog;
import org.itera.llm.AgentConfigs;
import org.itera.llm.LlmConfig;
import org.itera.llm.LlmMetrics;

/**
 * library-shots, SiriuS without fine-tuning: every call of an agent with shots gets the k most
 * similar successful library entries of its source agent as demonstrations. A team's
 * {@code libraryShots} option ({@link ShotsRule}) gives its agents k and the source (the same role
 * in another team, e.g. {@code arithmetic-shots-calculator} shown {@code arithmetic-calculator}'s
 * entries); {@code itera.llm.agents.<agent>.library-shots=k} gives an agent k, and wins over the
 * option when above 0; without the option an agent is shown its own entries. The library arrives
 * through {@link LibraryFeed}, started by the first task whose team has an agent with shots (or at
 * start-up when an agent's k is configured); that task, and any starting with it, wait until the
 * library is read. A task of a team without shots never starts it and its caller is used as it is.
 * A bad option stops the service at start-up with the reason.
 */
@ApplicationScoped
public class LibraryShots {

    private final LlmConfig config;
    private final Map<String, Shots> teamShots;
    private final ExperienceIndex index = new ExperienceIndex();
    private final FewShotRetriever retriever;
    private final TeamCatalog catalog;
    private final LibraryFeed feed;

    public LibraryShots(LlmConfig config, LlmMetrics metrics, TeamCatalog catalog, LibraryFeed feed) {
        this.config = config;
        this.catalog = catalog;
        this.feed = feed;
        this.teamShots = catalog.allTeams().stream().flatMap(team -> ShotsRule.of(team, catalog).agents().stream())
                .collect(Collectors.toUnmodifiableMap(Shots::agent, Function.identity()));
        this.retriever = new FewShotRetriever(index, this::shotsFor, metrics::demonstrations);
    }

    /** Whether some agent has library-shots (by its team's option or by configuration). */
    public boolean enabled() {
        return !teamShots.isEmpty() || configured();
    }

    private boolean configured() {
        return config.agents().values().stream().anyMatch(agent -> agent.libraryShots() > 0);
    }

    void startConfigured(@Observes StartupEvent started) {
        if (configured()) {
            feed.startOnce(this::addAll);
        }
    }

    /** The agent's k (0: off): the configured one when above 0, else its team option's. */
    public int shotsOf(String agentId) {
        return shotsFor(agentId).k();
    }

    /** The agent's k and the agent whose entries it is shown (itself unless its team's option says). */
    public Shots shotsFor(String agentId) {
        int configured = AgentConfigs.find(config, agentId).map(agent -> Math.max(0, agent.libraryShots())).orElse(0);
        Shots team = teamShots.getOrDefault(agentId, new Shots(agentId, agentId, 0));
        return configured > 0 ? new Shots(agentId, team.sourceAgent(), configured) : team;
    }

    /**
     * The caller to run {@code task} with: {@code caller} itself unless an agent of the task has
     * shots; then, once the library feed has started and caught up, with demonstrations.
     */
    public AgentCaller forTask(TaskEvent task, AgentCaller caller) {
        if (!needsShots(task)) {
            return caller;
        }
        feed.startOnce(this::addAll);
        feed.awaitCatchUp();
        return retriever.forTask(task.id(), caller);
    }

    /** Whether some agent the task's calls may be made as has shots. */
    public boolean needsShots(TaskEvent task) {
        return TaskAgents.of(task, catalog).anyMatch(agent -> shotsOf(agent) > 0);
    }

    /** Adds a library entry from {@code finetune-records}; false if it is not one or was there already. */
    public boolean add(FinetuneRecord record) {
        return addAll(List.of(record)) == 1;
    }

    /** Adds the library entries among {@code records} (those not there already); returns how many. */
    public int addAll(List<FinetuneRecord> records) {
        return index.addAll(records.stream().flatMap(r -> LibraryEntries.from(r).stream()).toList());
    }

    /** Library entries held. */
    public int size() {
        return index.size();
    }

    @PreDestroy
    void close() throws IOException {
        index.close();
    }
}
