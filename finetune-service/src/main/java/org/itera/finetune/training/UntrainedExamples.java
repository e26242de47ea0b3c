package org.itera.finetune.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import org.itera.finetune.store.ExampleStore;

/** How many examples each trainee has not been trained on: what decides who a round trains. */
@ApplicationScoped
public class UntrainedExamples {

    private final TrainingPlan plan;
    private final ExampleStore examples;

    public UntrainedExamples(TrainingPlan plan, ExampleStore examples) {
        this.plan = plan;
        this.examples = examples;
    }

    /**
     * The trainees of the scope with untrained examples, by key: the teams' (an agent on its own
     * examples is read from one scan of the store), and any agent with examples that no team names.
     */
    public Map<String, Integer> byTrainee(RoundScope scope) {
        Map<String, Integer> own = examples.untrainedCounts();
        Map<String, Integer> counts = new TreeMap<>();
        for (Trainee trainee : plan.trainees().stream().filter(scope::includes).toList()) {
            int count = trainee.ownExamples() ? own.getOrDefault(trainee.key(), 0) : (int) examples.untrainedCount(trainee);
            if (count > 0) {
                counts.put(trainee.key(), count);
            }
        }
        own.forEach((agent, count) -> {
            if (!plan.serves(agent) && scope.includes(plan.trainee(agent))) {
                counts.put(agent, count);
            }
        });
        return counts;
    }

    public int of(String key) {
        return (int) examples.untrainedCount(plan.trainee(key));
    }
}
