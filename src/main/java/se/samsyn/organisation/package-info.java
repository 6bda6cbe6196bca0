/**
 * Organisation: the nation, the 21 regions (län), the 290 municipalities with their SCB codes,
 * and the municipalities' own units (enheter); plus the reference data that defines them:
 * population by sex and age band, SKR's kommungrupper 2017 and map boundaries.
 *
 * <p>Publishes {@link se.samsyn.organisation.Organisation} (look-ups and scope containment, used by
 * every module that checks permissions), {@link se.samsyn.organisation.Units} (registering units)
 * and their records. Reference data is loaded from a configurable folder at start-up, or uploaded
 * by an administrator, all-or-nothing per batch ({@code referencedata}). Depends on the audit
 * trail, which records every change of units and reference data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = {"audit", "cluster", "imports", "shared"})
package se.samsyn.organisation;
