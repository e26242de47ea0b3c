package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itera.core.event.ChatMessage;
import org.itera.core.team.PromptLibrary;
import org.itera.core.team.RoleDefinition;
import org.itera.core.team.TeamDefinition;

/**
 * The messages of a game, from its prompt resources (our own words): each role's system prompt
 * (the rules as that role sees them, its own holdings and values only), its practice exchange, the first mover's opening
 * message, the message relaying the opponent's move ({@code move} step) and the one showing an
 * invalid reply's error ({@code retry} step). The game's list of moves
 * ({@code options.movesPrompt}) goes into the format's instructions
 * ({@code prompts/competitive/format/<format>.txt}), which go into the system prompt as
 * {@code {{move_help}}}.
 */
final class GamePrompts {

    static final String MOVE = "move";
    static final String RETRY = "retry";
    static final String MOVES_PROMPT = "movesPrompt";
    static final String PRACTICE = "practice-";

    private final PromptLibrary library;
    private final TeamDefinition team;
    private final GameSpec spec;
    private final GameRules rules;

    GamePrompts(PromptLibrary library, TeamDefinition team, GameSpec spec, GameRules rules) {
        this.library = library;
        this.team = team;
        this.spec = spec;
        this.rules = rules;
    }

    String system(String role) {
        return fill(library.text(role(role).systemPrompt()), vars(role));
    }

    /**
     * The role's practice exchange in the game's format (step {@code practice-<format>}, optional): a
     * worked example of replies in that format, which small models follow far better than rules
     * alone. Its replies are assistant messages of weight 0: in the chat, never a training target.
     */
    List<ChatMessage> practice(String role) {
        Optional<String> transcript = role(role).stepPrompt(PRACTICE + spec.format().id());
        return transcript.map(path -> Transcript.parse(fill(library.text(path), vars(role)))).orElse(List.of());
    }

    String opening(String role) {
        return fill(library.text(role(role).userPrompt()), vars(role));
    }

    /** What {@code viewer} is told of the opponent's move number {@code number}, and what is asked of it next. */
    String relay(String viewer, int number, Move move, String moveLine, GameState state) {
        Map<String, String> vars = vars(viewer);
        vars.put("number", String.valueOf(number));
        vars.put("their_message", move.message() == null || move.message().isBlank() ? "(no message)" : move.message());
        vars.put("their_move", moveLine);
        vars.put("if_accept", ifAccepted(viewer, state));
        vars.put("next", String.valueOf(state.nextMove()));
        vars.put("last_note", state.lastMove() ? "It is the last move of the game: no new proposal can be made now." : "");
        return fill(step(viewer, MOVE), vars);
    }

    String retry(String role, String error) {
        Map<String, String> vars = vars(role);
        vars.put("error", error);
        return fill(step(role, RETRY), vars);
    }

    private String ifAccepted(String viewer, GameState state) {
        if (state.standing().isEmpty() || viewer.equals(state.standingBy())) {
            return "";
        }
        Trade trade = state.standing().get();
        return "If you ACCEPT, you give " + amounts(trade.givenBy(viewer)) + " and get "
                + amounts(trade.givenBy(spec.other(viewer))) + ".";
    }

    private Map<String, String> vars(String role) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("role", role);
        vars.put("other", spec.other(role));
        vars.put("moves", String.valueOf(spec.moves()));
        vars.put("first", spec.firstMover().equals(role) ? "You make the first move."
                : "The other player makes the first move.");
        vars.put("holdings", amounts(spec.holdings().get(role)));
        vars.put("verb", rules.proposeVerb());
        for (String resource : spec.resources()) {
            vars.put("holding_" + resource, String.valueOf(spec.holdings().get(role).getOrDefault(resource, 0)));
            vars.put("value_" + resource, String.valueOf(spec.value(role, resource)));
            vars.put("total_" + resource, String.valueOf(spec.total(resource)));
        }
        String moves = fill(library.text(String.valueOf(team.options().get(MOVES_PROMPT))), vars);
        vars.put("move_help", fill(library.text("prompts/competitive/format/" + spec.format().id() + ".txt"),
                Map.of("moves_list", moves, "verb", rules.proposeVerb())));
        return vars;
    }

    private String step(String role, String step) {
        return library.text(role(role).stepPrompt(step).orElseThrow(() -> new IllegalStateException(
                "role " + role + " of game " + team.subject() + " has no '" + step + "' prompt")));
    }

    private RoleDefinition role(String name) {
        return team.role(name).orElseThrow(() -> new IllegalStateException("game " + team.subject() + " has no role " + name));
    }

    private String amounts(Map<String, Integer> amounts) {
        return spec.describe(amounts, " and ");
    }

    private static String fill(String template, Map<String, String> vars) {
        String text = template;
        for (Map.Entry<String, String> var : vars.entrySet()) {
            text = text.replace("{{" + var.getKey() + "}}", var.getValue());
        }
        return text.strip();
    }
}
