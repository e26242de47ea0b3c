package org.itera.generator.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.itera.core.event.ModelUpdateEvent;
import org.itera.core.event.Payloads;
import org.itera.core.team.TeamCatalog;
import org.itera.llm.ModelSelector;
import org.jboss.logging.Logger;

/**
 * {@code model-updates} from finetune-service: the agent's next call uses the new model, without a
 * restart. The channel replays the topic from the start with a group of this instance's own, so
 * a (re)started generator ends with the latest model of each agent (messages are keyed by agent,
 * hence in order per agent). An unusable message (see {@link Payloads}; no agent or model; an agent
 * of no team in the catalogue) lands on {@code model-updates-dlq} with the reason.
 */
@ApplicationScoped
public class ModelUpdateConsumer {

    private static final Logger LOG = Logger.getLogger(ModelUpdateConsumer.class);

    private final ModelSelector selector;
    private final Set<String> agents;

    public ModelUpdateConsumer(ModelSelector selector, TeamCatalog catalog) {
        this.selector = selector;
        this.agents = catalog.allTeams().stream().flatMap(team -> team.agentIds().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Incoming("model-updates")
    public void consume(String payload) {
        ModelUpdateEvent update = parse(payload);
        String previous = selector.settingsFor(update.agent()).model();
        selector.use(update.agent(), update.model());
        LOG.infof("agent %s now uses %s (was %s; round %d, job %s)", update.agent(), update.model(), previous,
                update.round(), update.jobId());
    }

    private ModelUpdateEvent parse(String payload) {
        ModelUpdateEvent update = Payloads.read(payload, ModelUpdateEvent.class, "model update");
        if (update.agent() == null || update.agent().isBlank() || update.model() == null || update.model().isBlank()) {
            throw new IllegalArgumentException("model update without an agent or a model");
        }
        if (!agents.contains(update.agent())) {
            throw new IllegalArgumentException("model update for unknown agent '" + update.agent()
                    + "' (agents are <subject>-<role> of a team: " + agents + ")");
        }
        return update;
    }
}
