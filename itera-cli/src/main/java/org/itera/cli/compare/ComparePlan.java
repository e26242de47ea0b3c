package org.itera.cli.compare;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.itera.cli.run.RunPlan;
import org.itera.core.event.TaskEvent;

/**
 * What {@code itera compare} was asked to do, defaults applied: the subject (its variants are the
 * methods' teams), the task source, how many train and test tasks, the methods, and the time each
 * step may take ({@code timeoutSeconds}: the train tasks with their repairs; {@code stepSeconds}:
 * the round and each evaluation).
 */
public record ComparePlan(String subject, Path file, String difficulty, int limit, int testLimit, List<Method> methods,
        int timeoutSeconds, int stepSeconds, boolean keep) {

    public ComparePlan {
        methods = List.copyOf(methods);
    }

    /** The plan of a run of {@code team} on the comparison's tasks (a round's shape: the test tasks are not pushed). */
    public RunPlan runOf(String team) {
        return new RunPlan(TaskEvent.SETTING_PROBLEM_SOLVING, team, file, difficulty, limit, 0, testLimit, timeoutSeconds,
                true, keep);
    }

    /** The teams whose train tasks are pushed, in the methods' order, each once. */
    public Set<String> trainTeams() {
        Set<String> teams = new LinkedHashSet<>();
        methods.forEach(m -> m.trainTeam(subject).ifPresent(teams::add));
        return teams;
    }

    /** The teams the comparison's round fine-tunes. */
    public List<String> trainedTeams() {
        return methods.stream().filter(Method::trained).map(m -> m.team(subject)).distinct().toList();
    }

    /** Every team the methods need: evaluated, pushed or trained. */
    public Set<String> teams() {
        Set<String> teams = new LinkedHashSet<>(trainTeams());
        methods.forEach(m -> teams.add(m.team(subject)));
        return teams;
    }
}
