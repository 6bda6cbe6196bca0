package se.samsyn.identity;

import java.util.List;
import java.util.Optional;
import se.samsyn.shared.Actor;

/**
 * Personal API tokens for system integrations. A token acts as its owner, with the owner's
 * current role and scope. Only its SHA-256 hash is stored; the secret is shown once, at creation.
 */
public interface ApiTokens {

    /**
     * Creates a token for the signed-in owner, valid for {@code validDays} days (1 up to the
     * configured maximum). {@link AccountRejected} (422) names the field: {@code name} (blank or
     * over 100 characters) or {@code validDays}. Audited as TOKEN_CREATED.
     */
    CreatedToken create(Actor owner, String name, int validDays);

    /** The owner's tokens, live, expired and revoked, without their secrets. */
    List<ApiToken> list(Actor owner);

    /** Revokes one of the owner's tokens; {@link TokenNotFound} (404) for another's or an unknown id. Audited. */
    void revoke(Actor owner, long tokenId);

    /** The actor a bearer secret stands for, if it is a live token of an open account; refusals are audited. */
    Optional<Actor> authenticate(String secret, String clientAddress);

    /** As {@link #authenticate}, also saying whether the owner's password change is pending. */
    Optional<TokenOwner> owner(String secret, String clientAddress);

    /** A live token's owner, and whether the owner must change their password before using it. */
    record TokenOwner(Actor actor, boolean passwordChangeRequired) {
    }
}
