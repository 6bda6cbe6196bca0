/**
 * Competence supply (kompetensförsörjning): the competence requirements per role and task, each
 * unit's staff register, the gap between the two, the introduction of new staff, and the workforce
 * indicators that open comparisons publish.
 *
 * <p>Requirements come from a catalogue: the statutory ones (HSLF-FS 2017:79 with 3 kap. 3 a § SoL
 * for the three child-welfare tasks; the protected title undersköterska), national goals, and a
 * municipality's own local requirements. {@link se.samsyn.competence.Requirement} says what a
 * requirement asks for; the rule that decides whether a person meets it is plain Java in
 * {@code internal} ({@code RequirementRule}).
 *
 * <p>Staff data are personal data of employees. Names are shown only to the unit's manager and the
 * municipality's administrator; everyone else sees aggregates. Every read and write of a unit's
 * staff is audited in the same transaction, and a refused look-up is audited as well. An employee
 * number is never a personnummer: numbers shaped like one are refused.
 *
 * <p>This package is the module's API: the services {@link se.samsyn.competence.Requirements},
 * {@link se.samsyn.competence.StaffRegister} and {@link se.samsyn.competence.GapAnalysis}, the records
 * they return and take, the codes (enums answered as their lower-case codes) and the exceptions,
 * which extend the shared problems. {@code internal} holds the implementations, the SQL and the
 * rules; {@code web} the pages and the REST API. Depends on organisation (units and scopes), audit,
 * imports (the one import pipeline for the HR export) and knowledge (the trainings a gap can be
 * closed with), and identity (whether a mentor's username is an enabled account). See ADR 12.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Competence",
        allowedDependencies = {"organisation", "audit", "shared", "knowledge", "imports", "identity"})
package se.samsyn.competence;
