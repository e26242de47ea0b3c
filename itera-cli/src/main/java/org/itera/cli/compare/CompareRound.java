package org.itera.cli.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.cli.Clock;
import org.itera.cli.ExitCodes;
import org.itera.cli.ServiceApi;
import org.itera.cli.round.RoundDriver;
import org.itera.cli.round.RoundOptions;
import org.itera.cli.stack.Component;
import org.itera.cli.stack.StackConfig;
import org.itera.cli.stack.StackException;
import org.itera.core.event.TaskEvent;

/**
 * The comparison's fine-tuning round, scoped to the trained methods' teams ({@code POST /rounds}
 * with their subjects), and which of those teams it gave new models.
 */
final class CompareRound {

    /** The round (0: none ran) and, per team, how many of its agents got a new model out of how many. */
    record Trained(int round, Map<String, int[]> agents) {

        /** The team got no new model (its methods would only repeat a base-model evaluation). */
        boolean untrained(String team) {
            int[] counts = agents.get(team);
            return counts == null || counts[0] == 0;
        }

        /** "" when every agent of the team got a new model, else what it got. */
        String noteFor(String team) {
            int[] counts = agents.get(team);
            if (round == 0 || counts == null || counts[0] == 0) {
                return "[not fine-tuned: too few examples or its job failed]";
            }
            return counts[0] == counts[1] ? "" : "[" + counts[0] + " of " + counts[1] + " agents fine-tuned]";
        }
    }

    private final StackConfig config;
    private final ComparePlan plan;
    private final String runId;
    private final PrintStream out;
    private final PrintStream err;

    CompareRound(StackConfig config, ComparePlan plan, String runId, PrintStream out, PrintStream err) {
        this.config = config;
        this.plan = plan;
        this.runId = runId;
        this.out = out;
        this.err = err;
    }

    Trained train() throws StackException, IOException, InterruptedException {
        List<String> teams = plan.trainedTeams();
        err.println("compare: one fine-tuning round for " + teams);
        RoundDriver driver = new RoundDriver(new RoundOptions("train", config.url(Component.FINETUNE), Optional.empty(),
                Optional.empty(), TaskEvent.SETTING_PROBLEM_SOLVING, plan.stepSeconds(), 3000, false, 0, 0,
                Optional.empty(), Optional.empty(), Optional.of(runId)), Clock.SYSTEM, out, err);
        int status = driver.train(teams);
        if (status == ExitCodes.NOTHING_TO_TRAIN) {
            err.println("warning: compare: no team had enough examples for a round; run again with a larger --limit");
            return new Trained(0, Map.of());
        }
        if (status != ExitCodes.OK) {
            throw new StackException("the fine-tuning round failed (finetune-service log: "
                    + config.servicesDir().resolve("finetune-service.log") + ")");
        }
        int round = driver.trainedRound();
        return new Trained(round, newModels(round, teams));
    }

    /** Per team: agents served by a job of the round that succeeded, and agents in all. */
    private Map<String, int[]> newModels(int round, List<String> teams) throws IOException, InterruptedException {
        JsonNode jobs = new ServiceApi(config.url(Component.FINETUNE)).read("/rounds/" + round).path("jobs");
        Map<String, int[]> counts = new HashMap<>();
        for (String team : teams) {
            List<String> agents = CompareTeams.agents(team);
            long served = agents.stream().filter(agent -> succeededFor(jobs, agent, CompareTeams.trainees(team))).count();
            counts.put(team, new int[] {(int) served, agents.size()});
        }
        return counts;
    }

    /** Whether a succeeded job trained the agent: its own job, or the team's pooled one (which serves every agent). */
    private static boolean succeededFor(JsonNode jobs, String agent, List<String> trainees) {
        for (JsonNode job : jobs) {
            String key = job.path("agent").asText();
            boolean ours = key.equals(agent) || trainees.contains(key) && key.endsWith("/all-roles");
            if (ours && "succeeded".equals(job.path("status").asText())) {
                return true;
            }
        }
        return false;
    }
}
