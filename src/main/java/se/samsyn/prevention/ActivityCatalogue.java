package se.samsyn.prevention;

import java.util.List;
import java.util.Optional;
import se.samsyn.shared.Actor;

/**
 * The national catalogue of activity kinds and of anonymous questionnaires. Everyone signed in
 * reads it; national analysts (and national administrators) keep it, every change audited.
 */
public interface ActivityCatalogue {

    /** Every kind, by Swedish name. */
    List<ActivityKind> kinds();

    /** The kind with this code, or empty. */
    Optional<ActivityKind> kind(String code);

    /** Every questionnaire, WHO-5 first, then by code. */
    List<Questionnaire> questionnaires();

    /** The questionnaire with this code, or empty. */
    Optional<Questionnaire> questionnaire(String code);

    /** Whether the actor keeps the catalogue: a national analyst, or an administrator for the nation. */
    boolean mayKeep(Actor actor);

    /**
     * Adds a kind or changes one (same code).
     *
     * @throws PreventionRejected the field at fault: {@code code} (2-40 lower-case letters, digits, '-'),
     *         {@code nameSv}, {@code nameEn}, {@code focusArea} (not a focus area), {@code methodSlug}
     *         (not a published method of the knowledge guide)
     * @throws org.springframework.security.access.AccessDeniedException for anyone but the keepers
     */
    ActivityKind saveKind(Actor actor, ActivityKind kind);

    /**
     * Adds a short questionnaire or changes one (same code); WHO-5 and other built-in ones cannot change.
     *
     * @throws PreventionRejected the field at fault
     * @throws org.springframework.security.access.AccessDeniedException for anyone but the keepers
     */
    Questionnaire saveQuestionnaire(Actor actor, Questionnaire questionnaire);
}
