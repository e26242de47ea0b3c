package org.itera.llm.shots;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import org.itera.core.event.FinetuneRecord;
import org.itera.core.event.TaskEvent;
import org.itera.core.team.AgentCaller;
import org.itera.llm.AgentConfigs;
import org.itera.llm.LlmConfig;
import org.itera.llm.LlmMetrics;

/**
 * library-shots, SiriuS without fine-tuning: an agent with
 * {@code itera.llm.agents.<agent>.library-shots=k} gets, on every call, its k most similar
 * successful library entries as demonstrations. The library arrives through {@link LibraryFeed}
 * (only when some agent has k &gt; 0); with every k at 0 a task's caller is used as it is.
 */
@ApplicationScoped
public class LibraryShots {

    private final LlmConfig config;
    private final ExperienceIndex index = new ExperienceIndex();
    private final FewShotRetriever retriever;

    public LibraryShots(LlmConfig config, LlmMetrics metrics) {
        this.config = config;
        this.retriever = new FewShotRetriever(index, this::shotsOf, metrics::demonstrations);
    }

    /** Whether some agent has library-shots. */
    public boolean enabled() {
        return config.agents().values().stream().anyMatch(agent -> agent.libraryShots() > 0);
    }

    /** The agent's k (0: off). */
    public int shotsOf(String agentId) {
        return AgentConfigs.find(config, agentId).map(agent -> Math.max(0, agent.libraryShots())).orElse(0);
    }

    /** The caller to run {@code task} with: {@code caller}, with demonstrations when some agent has shots. */
    public AgentCaller forTask(TaskEvent task, AgentCaller caller) {
        return enabled() ? retriever.forTask(task.id(), caller) : caller;
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
