package org.itera.core.setting.competitive;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource Exchange: two players hold resources (25 X and 5 Y, 5 X and 25 Y) and each wants as
 * much as possible; neither knows the other's holdings. A proposal, written
 * {@code GIVE 5 X FOR 6 Y}, says what its mover gives and what it wants back; the other may accept
 * it or wait. An accepted trade is carried out; each player's payoff is its units after minus
 * before (each unit worth 1 unless the values say otherwise).
 */
final class ResourceExchange implements GameRules {

    static final String EXAMPLE = "GIVE 5 X FOR 6 Y";

    @Override
    public String name() {
        return "resource-exchange";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(Action.PROPOSE, Action.ACCEPT, Action.WAIT);
    }

    @Override
    public String proposeVerb() {
        return "GIVE";
    }

    @Override
    public Trade readProposal(GameSpec spec, String mover, String terms) {
        String[] sides = terms.split("(?i)\\bfor\\b");
        if (sides.length != 2) {
            throw new MoveException("a trade reads GIVE <what you give> FOR <what you want>, e.g. " + EXAMPLE
                    + "; '" + terms.strip() + "' has " + (sides.length - 1) + " FOR");
        }
        Trade trade = Trade.between(mover, Terms.bundle(sides[0], spec.resources(), EXAMPLE), spec.other(mover),
                Terms.bundle(sides[1], spec.resources(), EXAMPLE));
        if (trade.isEmpty()) {
            throw new MoveException("the trade moves nothing; give or ask for at least one unit");
        }
        return trade;
    }

    @Override
    public String proposalLine(GameSpec spec, String mover, Trade trade) {
        return "GIVE " + spec.describe(trade.givenBy(mover), ", ") + " FOR "
                + spec.describe(trade.givenBy(spec.other(mover)), ", ");
    }

    @Override
    public Map<String, Integer> payoffs(GameSpec spec, Holdings end, boolean deal) {
        return GameRules.valuedGains(spec, end);
    }

    @Override
    public List<String> specProblems(GameSpec spec) {
        return List.of();
    }
}
