package se.samsyn.priority.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.VersionDiff;
import se.samsyn.priority.VersionDiff.FieldChange;
import se.samsyn.priority.VersionDiff.Kind;
import se.samsyn.priority.VersionDiff.PairChange;

/**
 * Compares two published versions of a list: the process's own fields as text, and pairs by id,
 * added, removed or changed field by field. Criteria, recommendations and yes/no are compared as
 * message keys ({@code coded}), so that the reader sees them in their own language.
 */
final class VersionComparison {

    private VersionComparison() {
    }

    /** What changed from {@code before} to {@code after}: process fields first, then pairs in {@code after}'s order, removed ones last. */
    static VersionDiff between(PublishedList before, PublishedList after) {
        List<FieldChange> process = new ArrayList<>();
        PriorityProcess a = before.process();
        PriorityProcess b = after.process();
        text(process, "name", a.name(), b.name());
        text(process, "purpose", a.purpose(), b.purpose());
        text(process, "members", a.members(), b.members());
        text(process, "focus-areas", String.join(", ", a.focusAreas()), String.join(", ", b.focusAreas()));
        text(process, "parameters", String.valueOf(a.parameters()), String.valueOf(b.parameters()));
        text(process, "cost-bands", String.valueOf(a.costBands()), String.valueOf(b.costBands()));

        Map<Long, PairView> old = new LinkedHashMap<>();
        before.pairs().forEach(p -> old.put(p.pair().id(), p));
        Map<Long, PairView> now = new LinkedHashMap<>();
        after.pairs().forEach(p -> now.put(p.pair().id(), p));
        List<PairChange> pairs = new ArrayList<>();
        for (PairView p : after.pairs()) {
            PairView o = old.get(p.pair().id());
            if (o == null) {
                pairs.add(new PairChange(Kind.ADDED, p.pair().id(), p.pair().condition(), p.interventionName(), List.of()));
            } else {
                List<FieldChange> fields = fields(o, p);
                if (!fields.isEmpty()) {
                    pairs.add(new PairChange(Kind.CHANGED, p.pair().id(), p.pair().condition(), p.interventionName(),
                            fields));
                }
            }
        }
        for (PairView o : before.pairs()) {
            if (!now.containsKey(o.pair().id())) {
                pairs.add(new PairChange(Kind.REMOVED, o.pair().id(), o.pair().condition(), o.interventionName(),
                        List.of()));
            }
        }
        return new VersionDiff(before.version(), after.version(), process, pairs);
    }

    private static List<FieldChange> fields(PairView before, PairView after) {
        List<FieldChange> fields = new ArrayList<>();
        Pair a = before.pair();
        Pair b = after.pair();
        coded(fields, "recommendation", "priority.recommendation." + before.effective().code(),
                "priority.recommendation." + after.effective().code());
        text(fields, "condition", a.condition(), b.condition());
        text(fields, "target-group", a.targetGroup(), b.targetGroup());
        text(fields, "intervention", before.interventionName(), after.interventionName());
        coded(fields, "benefit", "priority.benefit." + a.benefit().code(), "priority.benefit." + b.benefit().code());
        text(fields, "benefit-rationale", a.benefitRationale(), b.benefitRationale());
        coded(fields, "cost", "priority.cost." + a.cost().code(), "priority.cost." + b.cost().code());
        text(fields, "cost-rationale", a.costRationale(), b.costRationale());
        coded(fields, "certainty", "priority.certainty." + a.certainty().code(),
                "priority.certainty." + b.certainty().code());
        text(fields, "certainty-rationale", a.certaintyRationale(), b.certaintyRationale());
        coded(fields, "severity", a.severity() == null ? "priority.none" : "priority.severity." + a.severity().code(),
                b.severity() == null ? "priority.none" : "priority.severity." + b.severity().code());
        coded(fields, "statutory", a.statutory() ? "priority.yes" : "priority.no", b.statutory() ? "priority.yes" : "priority.no");
        text(fields, "statutory-reference", a.statutoryReference(), b.statutoryReference());
        text(fields, "decision-rationale", a.decisionRationale(), b.decisionRationale());
        return fields;
    }

    private static void text(List<FieldChange> changes, String field, String before, String after) {
        String x = before == null ? "" : before;
        String y = after == null ? "" : after;
        if (!x.equals(y)) {
            changes.add(new FieldChange(field, x, y, false));
        }
    }

    private static void coded(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after, true));
        }
    }
}
