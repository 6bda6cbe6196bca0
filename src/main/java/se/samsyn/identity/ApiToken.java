package se.samsyn.identity;

import java.time.Instant;

/** A personal API token as its owner sees it: never the secret, only its first characters. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       Instant lastUsedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
