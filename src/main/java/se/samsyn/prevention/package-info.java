/**
 * Preventive and health-promoting work: follow-up where there is no individual case. Units record
 * preventive activities (preventive home visits, parenting-support groups, open meeting places,
 * outreach, social workers in schools, support groups for relatives), each of a kind from a
 * catalogue that national analysts keep, with a target group in the population statistics' age
 * bands and sex (so population data give the denominator) or a described group with an estimated
 * size. Reach is counted per activity, month, sex and age band; outcomes are anonymous
 * before/after questionnaire pairs (WHO-5 built in). Nothing in the module names a person: no
 * personnummer, no name, no identity column; groups under 5 are never shown.
 *
 * <p>This package is the module's API: the facades {@link se.samsyn.prevention.PreventiveActivities},
 * {@link se.samsyn.prevention.ActivityCatalogue} and {@link se.samsyn.prevention.PreventionFigures},
 * the records they take and return, the event {@link se.samsyn.prevention.PreventionChanged} and
 * the exceptions, which extend the shared problems. {@code internal} holds the SQL and the rules,
 * {@code web} the pages. Other modules' SQL reads the published views {@code prv_fact_*} only
 * (ADR 10). Depends on organisation (units, scopes, population), audit, imports (the one import
 * pipeline), knowledge (the method a kind follows) and follow-up's published figures of
 * casework for the balance page; never on follow-up's client records or identity machinery.
 * See ADR 14.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Preventive work",
        allowedDependencies = {"organisation", "audit", "shared", "knowledge", "imports"})
package se.samsyn.prevention;
