package se.samsyn.priority.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samsyn.priority.ResourceScenarios.Scenario;
import se.samsyn.priority.ResourceScenarios.ScenarioLine;

/**
 * What the resource-scenario form shows in its fields: the text as typed (or as saved), so that a
 * refused submit gives every field back exactly as the user left it. Costs and client counts are
 * keyed by pair id; a pair without an entry shows an empty field.
 *
 * @param name    the scenario's name as typed
 * @param budget  the budget in kronor as typed; empty until the user enters one
 * @param costs   cost per client and year in kronor as typed, per pair id
 * @param clients number of clients as typed, per pair id
 */
record ScenarioInput(String name, String budget, Map<Long, String> costs, Map<Long, String> clients) {

    /** The text typed for a pair's cost, or empty. */
    public String cost(long pairId) {
        return costs.getOrDefault(pairId, "");
    }

    /** The text typed for a pair's number of clients, or empty. */
    public String clientsOf(long pairId) {
        return clients.getOrDefault(pairId, "");
    }

    /**
     * The fields of a draft or saved scenario. For a new draft ({@code blankBudget}) the budget is
     * left empty and a zero cost or count shows as an empty field, so that nothing the user did not
     * choose is shown as a value; a prefilled client count shows as itself.
     */
    static ScenarioInput of(Scenario scenario, boolean blankBudget) {
        Map<Long, String> costs = new HashMap<>();
        Map<Long, String> clients = new HashMap<>();
        for (ScenarioLine line : scenario.lines()) {
            costs.put(line.pairId(), blankBudget && line.costPerClient() == 0 ? "" : String.valueOf(line.costPerClient()));
            clients.put(line.pairId(), blankBudget && line.clients() == 0 ? "" : String.valueOf(line.clients()));
        }
        return new ScenarioInput(scenario.name(), blankBudget ? "" : String.valueOf(scenario.budget()), costs, clients);
    }

    /** The fields as submitted: parallel lists of pair ids, costs and counts (missing entries are empty). */
    static ScenarioInput typed(String name, String budget, List<Long> pairIds, List<String> costs, List<String> clients) {
        Map<Long, String> c = new HashMap<>();
        Map<Long, String> n = new HashMap<>();
        for (int i = 0; pairIds != null && i < pairIds.size(); i++) {
            c.put(pairIds.get(i), at(costs, i));
            n.put(pairIds.get(i), at(clients, i));
        }
        return new ScenarioInput(name == null ? "" : name, budget == null ? "" : budget, c, n);
    }

    private static String at(List<String> values, int i) {
        return values == null || values.size() <= i || values.get(i) == null ? "" : values.get(i);
    }
}
