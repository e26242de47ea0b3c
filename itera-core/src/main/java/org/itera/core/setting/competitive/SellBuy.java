package org.itera.core.setting.competitive;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sell &amp; Buy: the first role sells its item (the first resource) to the second for money (the
 * second resource). Either may propose a price, written {@code PRICE p}; the other accepts (the sale
 * is made) or rejects (the game ends without one). The item is worth its cost to the seller (40)
 * and its value to the buyer (60), money 1 a unit to both, so a sale at p pays the seller p − 40
 * and the buyer 60 − p; no sale pays nothing.
 */
final class SellBuy implements GameRules {

    @Override
    public String name() {
        return "sell-buy";
    }

    @Override
    public Set<Action> actions() {
        return Set.of(Action.PROPOSE, Action.ACCEPT, Action.REJECT);
    }

    @Override
    public String proposeVerb() {
        return "PRICE";
    }

    @Override
    public Trade readProposal(GameSpec spec, String mover, String terms) {
        int price = Terms.amount(terms, "PRICE 50");
        String seller = spec.roles().get(0);
        String item = spec.resources().get(0);
        return Trade.between(seller, Map.of(item, spec.holdings().get(seller).get(item)), spec.other(seller),
                Map.of(spec.resources().get(1), price));
    }

    @Override
    public String proposalLine(GameSpec spec, String mover, Trade trade) {
        return "PRICE " + trade.givenBy(spec.roles().get(1)).getOrDefault(spec.resources().get(1), 0);
    }

    @Override
    public Map<String, Integer> payoffs(GameSpec spec, Holdings end, boolean deal) {
        return GameRules.valuedGains(spec, end);
    }

    @Override
    public List<String> specProblems(GameSpec spec) {
        if (spec.resources().size() != 2) {
            return List.of("sell-buy trades an item for money: two resources, not " + spec.resources());
        }
        if (spec.holdings().get(spec.roles().get(0)).getOrDefault(spec.resources().get(0), 0) < 1) {
            return List.of("in sell-buy the first role (" + spec.roles().get(0) + ") sells, so it must hold the "
                    + spec.resources().get(0));
        }
        return List.of();
    }
}
