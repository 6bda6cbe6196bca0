package se.samsyn.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * Rate limits on signing in (issue 12 point 4), checked before any password hash or token lookup:
 * login attempts per client address and per typed account name, and refused API tokens per client
 * address. The limits are token buckets (Bucket4j) held in memory by each instance; the lock after
 * repeated failures, counted in the database, is the limit shared by all instances (ADR 16).
 */
public interface AttemptLimits {

    /**
     * Takes one login attempt from the address's and the typed name's allowance (the name trimmed,
     * compared without case, whether or not an account has it).
     *
     * @param clientAddress the request's client address (after forwarded headers), may be null
     * @param typedName     what was typed as username, may be null or blank
     * @return empty when the attempt may go on; otherwise how long until the next attempt is allowed
     */
    Optional<Duration> login(String clientAddress, String typedName);

    /**
     * Whether bearer tokens from the address are refused unchecked because it has used up its
     * allowance of refused tokens; takes nothing from the allowance.
     *
     * @return empty when a token from the address may be checked; otherwise how long until it may
     */
    Optional<Duration> tokensRefused(String clientAddress);
}
