/**
 * Identity: accounts with one role and one organisational scope, form login with lockout after
 * repeated failures, and personal API tokens for system integrations.
 *
 * <p>Publishes {@link se.samsyn.identity.Accounts} (administration within the administrator's
 * scope, and provisioning for demo mode), {@link se.samsyn.identity.ApiTokens},
 * {@link se.samsyn.identity.LoginOutcomes} and {@link se.samsyn.identity.ApiTokenFilter}, which
 * the web platform wires into the security chain. Depends on organisation (does a scope exist, does
 * one scope contain another) and on audit (every login, failure, lockout, account and token change).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"audit", "organisation", "shared"})
package se.samsyn.identity;
