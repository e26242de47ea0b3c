package org.itera.core.setting.actorcritic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.ChatMessage;
import org.itera.core.event.TaskEvent;
import org.itera.core.event.Turn;
import org.itera.core.setting.Episode;
import org.itera.core.setting.TurnRequest;
import org.itera.core.team.Chats;
import org.itera.core.team.PromptRenderer;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;

/**
 * An actor-judge-critic episode: the actor solves; the judge (who does not know the correct
 * answer) accepts or rejects; on a reject the critic (who does not know it either) gives feedback,
 * the actor answers again from its first exchange plus the feedback, and rephrases that answer as
 * a direct solution, which is then the actor's answer; then the judge again, up to
 * {@link ActorCriticRules#judgeRounds()} critic rounds. The final answer is the actor's last one.
 */
final class ActorCriticEpisode implements Episode {

    private enum Phase { SOLVE, JUDGE, CRITIQUE, REGENERATE, REPHRASE, DONE }

    private final TeamDefinition team;
    private final TaskEvent task;
    private final PromptRenderer renderer;
    private final ActorCriticRules rules;
    private final List<Turn> turns = new ArrayList<>();
    private Phase phase = Phase.SOLVE;
    private List<ChatMessage> solveChat;
    private String answer;
    private String feedback;
    private String draft;
    private int critiques;

    ActorCriticEpisode(TeamDefinition team, TaskEvent task, PromptRenderer renderer) {
        this.team = team;
        this.task = task;
        this.renderer = renderer;
        this.rules = ActorCriticRules.of(team);
    }

    /** An episode that ends with a repaired first answer: nothing more is asked for. */
    static ActorCriticEpisode repaired(TeamDefinition team, TaskEvent task, PromptRenderer renderer, Turn solve) {
        ActorCriticEpisode episode = new ActorCriticEpisode(team, task, renderer);
        episode.turns.add(solve);
        episode.phase = Phase.DONE;
        return episode;
    }

    @Override
    public Optional<TurnRequest> next() {
        return switch (phase) {
            case SOLVE -> ask(ActorCriticSetting.ACTOR, ActorCriticSetting.SOLVE,
                    renderer.messagesFor(team, role(ActorCriticSetting.ACTOR), task, Map.of()));
            case JUDGE -> ask(ActorCriticSetting.JUDGE, ActorCriticSetting.JUDGE, seeingAnswer(ActorCriticSetting.JUDGE));
            case CRITIQUE -> ask(ActorCriticSetting.CRITIC, ActorCriticSetting.CRITIQUE,
                    seeingAnswer(ActorCriticSetting.CRITIC));
            case REGENERATE -> ask(ActorCriticSetting.ACTOR, ActorCriticSetting.REGENERATE,
                    Chats.followUp(solveChat, answer, step(ActorCriticSetting.REGENERATE, Map.of("feedback", feedback))));
            case REPHRASE -> ask(ActorCriticSetting.ACTOR, ActorCriticSetting.REPHRASE, Chats.sameSystem(solveChat,
                    step(ActorCriticSetting.REPHRASE, Map.of("original_request", Chats.lastUserText(solveChat),
                            "draft", draft))));
            case DONE -> Optional.empty();
        };
    }

    @Override
    public void apply(Turn turn) {
        turns.add(turn);
        switch (phase) {
            case SOLVE -> {
                solveChat = turn.messages();
                answer = turn.output();
                phase = Phase.JUDGE;
            }
            case JUDGE -> phase = rules.verdictOf(turn.output()).rejects() ? Phase.CRITIQUE : Phase.DONE;
            case CRITIQUE -> {
                feedback = turn.output();
                phase = Phase.REGENERATE;
            }
            case REGENERATE -> {
                draft = turn.output();
                phase = Phase.REPHRASE;
            }
            case REPHRASE -> {
                answer = turn.output();
                critiques++;
                phase = critiques < rules.judgeRounds() ? Phase.JUDGE : Phase.DONE;
            }
            case DONE -> throw new IllegalStateException("the episode is done; no turn was asked for");
        }
    }

    @Override
    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    private List<ChatMessage> seeingAnswer(String roleName) {
        return renderer.messagesFor(team, role(roleName), task, Map.of(ActorCriticSetting.ACTOR, answer));
    }

    private String step(String name, Map<String, String> values) {
        return renderer.stepText(team, role(ActorCriticSetting.ACTOR), name, task, values);
    }

    private Optional<TurnRequest> ask(String roleName, String stepName, List<ChatMessage> messages) {
        return Optional.of(new TurnRequest(team.agentId(roleName), roleName, stepName, messages));
    }

    private RoleDefinition role(String name) {
        return team.role(name).orElseThrow(() -> new IllegalStateException(
                "team actor-critic/" + team.subject() + " lacks the role '" + name + "'"));
    }
}
