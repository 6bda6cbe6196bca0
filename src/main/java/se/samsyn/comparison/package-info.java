/**
 * Open comparisons (öppna jämförelser): indicators computed from follow-up data or imported from
 * official statistics, pre-aggregated per municipality, region, nation and kommungrupp, per year
 * and gender, with suppression of small counts, relative colours, peer groups, exports and a
 * Kolada-compatible read API.
 *
 * <p>Follow-up data is read only through the follow-up module's fact views ({@code fup_fact_*}),
 * never its tables. Results are computed on refresh (after imports, data changes or on demand)
 * and stored in {@code cmp_result}; pages and APIs read the stored results.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open comparisons",
        allowedDependencies = {"organisation", "followup", "competence", "prevention", "knowledge", "audit", "cluster", "imports",
                "shared", "disclosure"})
package se.samsyn.comparison;
