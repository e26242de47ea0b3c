package org.itera.finetune.training;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What one fine-tuning job of a round trains: {@code key} names it in rounds, job records and the
 * suffix (an agent id, or {@code <subject>/all-roles} for a team's pooled job); {@code agents} are
 * the agents that get its model; {@code sources} the agents whose library examples it trains on,
 * kept when their origin is one of {@code origins} (empty: any origin). {@code onlyWhenNamed}: the
 * team trains from another team's library ({@code training.from}), so only a round that names its
 * subject trains it ({@link RoundScope}).
 */
public record Trainee(String key, List<Served> agents, List<String> sources, Set<String> origins,
        boolean onlyWhenNamed) {

    /** An agent that gets the trainee's model; subject and role null when no team names them. */
    public record Served(String agent, String subject, String role) {
    }

    public Trainee {
        agents = List.copyOf(agents);
        sources = List.copyOf(sources);
        origins = Set.copyOf(origins);
    }

    /** The default: an agent trained on its own examples of every origin. */
    public static Trainee ownAgent(String agent, String subject, String role) {
        return new Trainee(agent, List.of(new Served(agent, subject, role)), List.of(agent), Set.of(), false);
    }

    /** Whether this is an agent trained on all of its own examples (use tracked by {@code trainedInRound}). */
    public boolean ownExamples() {
        return sources.equals(List.of(key)) && origins.isEmpty();
    }

    /** Whether one job trains several agents (a team's all-roles pool). */
    public boolean pooled() {
        return agents.size() > 1 || !agents.get(0).agent().equals(key);
    }

    /** The agent whose settings (base model, last model) the job starts from: the first it serves. */
    public String lead() {
        return agents.get(0).agent();
    }

    /** Whether it serves an agent of one of the subjects (an agent no team names has none). */
    public boolean servesAnyOf(Collection<String> subjects) {
        return agents.stream().anyMatch(served -> served.subject() != null && subjects.contains(served.subject()));
    }

    public List<String> agentIds() {
        return agents.stream().map(Served::agent).toList();
    }
}
