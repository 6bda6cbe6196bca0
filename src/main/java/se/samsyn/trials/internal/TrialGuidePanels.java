package se.samsyn.trials.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.samsyn.knowledge.EntryPanel;
import se.samsyn.knowledge.EntryPanels;
import se.samsyn.trials.Participant;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialStatus;

/**
 * The tool's guide entry lists the trials it has been through (issue 15, point 5): title, the
 * participating units, and the decision or the status. No figures: the entry page is public.
 */
@Component
class TrialGuidePanels implements EntryPanels {

    private final TrialStore trials;
    private final TrialAccess access;

    TrialGuidePanels(TrialStore trials, TrialAccess access) {
        this.trials = trials;
        this.access = access;
    }

    @Override
    public List<EntryPanel> panelsFor(String entrySlug) {
        List<Trial> found = trials.ofGuideEntry(entrySlug);
        if (found.isEmpty()) {
            return List.of();
        }
        return List.of(new EntryPanel("trials-panel", "trials.guide.heading", found.stream().map(t -> new EntryPanel.Row(
                t.plan().title(), "/trials/" + t.id(),
                t.status() == TrialStatus.ENDED ? "trials.decision." + t.decision().code() : "trials.status." + t.status().code(),
                t.plan().participants().stream().map(this::name).collect(Collectors.joining(", "))
                        + " · " + t.plan().start() + " – " + t.plan().end())).toList()));
    }

    private String name(Participant p) {
        return access.unit(p.unitCode()).map(u -> u.name()).orElse(p.unitCode());
    }
}
