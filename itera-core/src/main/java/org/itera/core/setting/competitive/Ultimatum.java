package org.itera.core.setting.competitive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ultimatum: the first role holds a pot (100 dollars) to split with the second. Either may propose
 * a split, written {@code OFFER a}: the second role gets a and the first keeps the rest; the other
 * accepts (the split is carried out) or rejects (the game ends, both get nothing). No deal within
 * the move limit pays nothing either. A deal at a pays the first role pot − a and the second a.
 */
final class Ultimatum implements GameRules {

    @Override
    public String name() {
        return "ultimatum";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(Action.PROPOSE, Action.ACCEPT, Action.REJECT);
    }

    @Override
    public String proposeVerb() {
        return "OFFER";
    }

    @Override
    public Trade readProposal(GameSpec spec, String mover, String terms) {
        String money = spec.resources().get(0);
        int pot = spec.holdings().get(spec.roles().get(0)).getOrDefault(money, 0);
        int offer = Terms.amount(terms, "OFFER 40");
        if (offer > pot) {
            throw new MoveException("an offer splits the " + pot + " " + money + ": it must be from 0 to " + pot
                    + ", not " + offer);
        }
        return Trade.between(spec.roles().get(0), Map.of(money, offer), spec.roles().get(1), Map.of());
    }

    @Override
    public String proposalLine(GameSpec spec, String mover, Trade trade) {
        return "OFFER " + trade.givenBy(spec.roles().get(0)).getOrDefault(spec.resources().get(0), 0);
    }

    /** A deal pays each role what it ends with; no deal pays nothing. */
    @Override
    public Map<String, Integer> payoffs(GameSpec spec, Holdings end, boolean deal) {
        Map<String, Integer> payoffs = new LinkedHashMap<>();
        String money = spec.resources().get(0);
        spec.roles().forEach(role -> payoffs.put(role, deal ? spec.value(role, money) * end.of(role, money) : 0));
        return payoffs;
    }

    @Override
    public List<String> specProblems(GameSpec spec) {
        if (spec.resources().size() != 1) {
            return List.of("ultimatum splits one resource, not " + spec.resources());
        }
        if (spec.holdings().get(spec.roles().get(0)).getOrDefault(spec.resources().get(0), 0) <= 0) {
            return List.of("in ultimatum the first role (" + spec.roles().get(0) + ") holds the pot, so it must hold some "
                    + spec.resources().get(0));
        }
        return List.of();
    }
}
