package se.samsyn.competence;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * A competence requirement. It applies to whoever performs {@code task} when a task is named,
 * otherwise to whoever has {@code role}, otherwise to all staff of the municipalities it covers. It
 * asks for any combination of the criteria below; a person meets it when every stated criterion is
 * met (the rule is {@code internal.RequirementRule}):
 *
 * @param code           1-60 lower-case letters, digits and '-'; unique in the catalogue
 * @param kind           statutory (a legal requirement), national goal or local (recommendations)
 * @param municipalityCode the municipality (four-digit SCB code) of a local requirement; null for
 *                       statutory requirements and national goals, which cover every municipality
 * @param titleSv        the Swedish title; {@code titleEn} the English one
 * @param role           the role it applies to, or null
 * @param task           the regulated task it applies to, or null
 * @param degrees        accepted degrees, any one of which suffices; empty when no degree is asked for
 * @param components     degree components that must all be held. With {@code degrees} they are the
 *                       alternative to an accepted degree: another degree whose components, with
 *                       supplementary courses, cover them all (HSLF-FS 2017:79)
 * @param training       the slug of a knowledge-guide entry of type training that must be completed, or null
 * @param minYears       years of relevant experience (earlier experience plus time in this post), or null
 * @param title          a protected title that must be held, or null
 * @param withinMonths   when set, a person who started less than this many months ago and does not yet
 *                       meet the requirement is "due" rather than in a gap; the gap opens at the deadline
 * @param source         the citation, for example "HSLF-FS 2017:79; 3 kap. 3 a § SoL"
 * @param sourceUrl      a link to the source, or null
 */
public record Requirement(String code, RequirementKind kind, String municipalityCode, String titleSv, String titleEn,
                          StaffRole role, RegulatedTask task, Set<Degree> degrees, Set<DegreeComponent> components,
                          String training, BigDecimal minYears, ProtectedTitle title, Integer withinMonths,
                          String source, String sourceUrl) {

    public Requirement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        degrees = degrees == null ? Set.of() : Set.copyOf(degrees);
        components = components == null ? Set.of() : Set.copyOf(components);
    }

    /** True for a legal requirement, false for a recommendation. */
    public boolean legal() {
        return kind.legal();
    }

    /** The title in the language asked for ("en" gives English, anything else Swedish). */
    public String title(String language) {
        return "en".equals(language) && titleEn != null && !titleEn.isBlank() ? titleEn : titleSv;
    }
}
