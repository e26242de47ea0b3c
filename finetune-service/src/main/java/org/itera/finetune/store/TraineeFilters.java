package org.itera.finetune.store;

import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.itera.finetune.training.Trainee;

/**
 * Which examples a trainee trains on and which of them it has not used yet. Use is tracked per
 * trainee: {@code trainedInRound} for the example's own agent (as before: an existing value means
 * trained for its own agent), an entry {@code {trainee, round}} in {@code trainedFor} for any other
 * trainee (a variant team's agent, a team's pooled job), so one example trains each of them once.
 */
final class TraineeFilters {

    static final String TRAINED_IN_ROUND = "trainedInRound";
    static final String TRAINED_FOR = "trainedFor";
    static final String TRAINED_FOR_TRAINEE = "trainedFor.trainee";

    private TraineeFilters() {
    }

    /** The trainee's examples: of its source agents, of its origins. */
    static Bson examples(Trainee trainee) {
        List<Bson> filters = new ArrayList<>();
        filters.add(trainee.sources().size() == 1 ? Filters.eq("agent", trainee.sources().get(0))
                : Filters.in("agent", trainee.sources()));
        if (!trainee.origins().isEmpty()) {
            filters.add(Filters.in("origin", trainee.origins()));
        }
        return filters.size() == 1 ? filters.get(0) : Filters.and(filters);
    }

    /** The trainee's examples it has not been trained on. */
    static Bson untrained(Trainee trainee) {
        String key = trainee.key();
        if (!trainee.sources().contains(key)) {
            return Filters.and(examples(trainee), Filters.ne(TRAINED_FOR_TRAINEE, key));
        }
        if (trainee.sources().size() == 1) {
            return Filters.and(examples(trainee), Filters.eq(TRAINED_IN_ROUND, null));
        }
        return Filters.and(examples(trainee), Filters.or(
                Filters.and(Filters.eq("agent", key), Filters.eq(TRAINED_IN_ROUND, null)),
                Filters.and(Filters.ne("agent", key), Filters.ne(TRAINED_FOR_TRAINEE, key))));
    }
}
