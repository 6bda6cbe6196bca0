package se.samsyn.priority;

import java.util.List;

/**
 * How a process defines its cost bands: the unit (for example "kr per förbättrad klient") and
 * the three limits between låg, måttlig, hög and mycket hög.
 */
public record CostBands(String unit, List<Long> limits) {
}
