/**
 * Identity: accounts with one role and one organisational scope, form login with lockout after
 * repeated failures, and personal API tokens for system integrations.
 *
 * <p>Publishes {@link se.samsyn.identity.Accounts} (administration within the administrator's
 * scope, and provisioning for demo mode), {@link se.samsyn.identity.ApiTokens},
 * {@link se.samsyn.identity.LoginOutcomes}, {@link se.samsyn.identity.ApiTokenFilter},
 * {@link se.samsyn.identity.AttemptLimits} with {@link se.samsyn.identity.LoginLimitFilter} (rate
 * limits on logins and refused tokens, ADR 16) and
 * {@link se.samsyn.identity.PasswordChangeFilter} (a required password change holds the person on
 * the change-password page), which the web platform wires into the security chain. Creates the
 * first national administrator from {@code SAMSYN_ADMIN_USERNAME} / {@code SAMSYN_ADMIN_PASSWORD}
 * while none exists ({@code internal.FirstAdministrator}). Depends on organisation (does a scope exist, does
 * one scope contain another) and on audit (every login, failure, lockout, account and token change).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"audit", "organisation", "shared"})
package se.samsyn.identity;
