package se.samsyn.competence.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samsyn.competence.Training;
import se.samsyn.knowledge.EntryType;
import se.samsyn.knowledge.GuideEntries;

/** The knowledge guide's published trainings (entries of type training), which requirements name and gaps are closed with. */
@Component
class GuideTrainings {

    private final GuideEntries guide;

    GuideTrainings(GuideEntries guide) {
        this.guide = guide;
    }

    /** Every published training, by title. */
    List<Training> all() {
        String type = EntryType.TRAINING.code();
        return guide.published().stream().filter(e -> type.equals(e.type()))
                .map(e -> new Training(e.slug(), e.title()))
                .sorted(java.util.Comparator.comparing(Training::title)).toList();
    }

    Optional<Training> training(String slug) {
        return all().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }
}
