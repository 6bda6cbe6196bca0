package se.samsyn.competence;

import java.util.List;
import java.util.Optional;
import se.samsyn.shared.Actor;

/**
 * The catalogue of competence requirements. Anyone signed in reads it; a national analyst keeps the
 * statutory requirements and national goals, a municipality's administrator or social director its
 * local requirements. Changes are audited.
 */
public interface Requirements {

    /** The statutory requirements and national goals, then the local ones of {@code municipalityCode} (null: none), by code. */
    List<Requirement> catalogue(String municipalityCode);

    /** One requirement by its code. */
    Optional<Requirement> requirement(String code);

    /**
     * Adds the requirement, or replaces the one with the same code.
     *
     * @throws CompetenceRejected when a field is malformed (field named), the kind does not fit the
     *         municipality, or a local requirement's code belongs to another municipality
     * @throws org.springframework.security.access.AccessDeniedException when the actor may not keep it
     */
    Requirement save(se.samsyn.shared.Actor actor, Requirement requirement);

    /** The knowledge guide's published trainings, which a requirement can name and a gap be closed with, by title. */
    List<Training> trainings();

    /** True when the actor may add or change this requirement (see the interface's rule). */
    boolean mayKeep(Actor actor, Requirement requirement);
}
