package org.itera.core.setting.competitive;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of one game, over its {@link GameSpec}: which actions a move may take, how a proposal is
 * written after the game's verb and what it would move, and what each role is paid at the end. What
 * every game shares (turns, the move limit, accepting only the opponent's standing proposal, giving
 * only what one holds, invalid replies) is {@link GameState}'s.
 */
public interface GameRules {

    List<GameRules> ALL = List.of(new ResourceExchange(), new Ultimatum(), new SellBuy());

    String name();

    /** The actions a move may take in this game. */
    Set<Action> actions();

    /** The word a proposal starts with, e.g. {@code OFFER}. */
    String proposeVerb();

    /** What a proposal by {@code mover} with these terms (the text after the verb) would move. */
    Trade readProposal(GameSpec spec, String mover, String terms);

    /** A proposal written as its mover would write it, e.g. {@code OFFER 40}. */
    String proposalLine(GameSpec spec, String mover, Trade trade);

    /** Each role's payoff at the end, given the holdings then and whether a proposal was accepted. */
    Map<String, Integer> payoffs(GameSpec spec, Holdings end, boolean deal);

    /** What this game needs of its spec beyond the generic checks (empty when all is well). */
    List<String> specProblems(GameSpec spec);

    static Optional<GameRules> find(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return ALL.stream().map(GameRules::name).toList();
    }

    /** Σ value × (end − start) per role: the gain from a trade as each role values the resources. */
    static Map<String, Integer> valuedGains(GameSpec spec, Holdings end) {
        Map<String, Integer> payoffs = new java.util.LinkedHashMap<>();
        for (String role : spec.roles()) {
            int gain = 0;
            for (String resource : spec.resources()) {
                int start = spec.holdings().get(role).getOrDefault(resource, 0);
                gain += spec.value(role, resource) * (end.of(role, resource) - start);
            }
            payoffs.put(role, gain);
        }
        return payoffs;
    }
}
