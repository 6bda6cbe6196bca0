package se.samsyn.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.shared.Actor;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.TokenNotFound;
import se.samsyn.identity.UserAccount;
import se.samsyn.identity.ApiToken;
import se.samsyn.identity.CreatedToken;

/**
 * Personal API tokens for system integrations. A token acts as its owner, with the owner's
 * current role and scope. Only its SHA-256 hash is stored: the secret is random, so a fast hash
 * is enough, and it lets a request find its token in one look-up.
 */
@Service
class TokenRegister implements ApiTokens {

    static final String PREFIX = "smsn_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final AccountRegister accounts;
    private final AuditTrail audit;
    private final SecuritySettings settings;
    private final Clock clock;
    private final RepeatedRejections rejections;
    private final AttemptBuckets limits;

    TokenRegister(TokenRepository tokens, AccountRegister accounts, AuditTrail audit, SecuritySettings settings, Clock clock,
                  RepeatedRejections rejections, AttemptBuckets limits) {
        this.rejections = rejections;
        this.limits = limits;
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public CreatedToken create(Actor owner, String name, int validDays) {
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountRejected("name", "token.error.name");
        }
        long maxDays = settings.tokenMaxValidity().toDays();
        if (validDays < 1 || validDays > maxDays) {
            throw new AccountRejected("validDays", "token.error.validity");
        }
        UserAccount account = accounts.stored(owner.username()).orElseThrow().account();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        long id = tokens.insert(account.id(), label, secret.substring(0, 10), hash(secret), now,
                now.plus(Duration.ofDays(validDays)));
        audit.record(accounts.placed(AuditRecord.of("TOKEN_CREATED", AuditCategory.SECURITY).actor(owner)
                .object("token", String.valueOf(id)).details("name=" + label + "; validDays=" + validDays),
                owner.scope()).build());
        return new CreatedToken(view(tokens.byId(id).orElseThrow()), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> list(Actor owner) {
        return accounts.stored(owner.username())
                .map(u -> tokens.forUser(u.account().id()).stream().map(TokenRegister::view).toList())
                .orElse(List.of());
    }

    @Transactional
    public void revoke(Actor owner, long tokenId) {
        long userId = accounts.stored(owner.username()).orElseThrow().account().id();
        TokenRepository.StoredToken token = tokens.byId(tokenId)
                .filter(t -> t.userId() == userId)
                .orElseThrow(() -> TokenNotFound.forId(tokenId));
        tokens.revoke(token.id(), clock.instant());
        audit.record(accounts.placed(AuditRecord.of("TOKEN_REVOKED", AuditCategory.SECURITY).actor(owner)
                .object("token", String.valueOf(token.id())).details("name=" + token.name()), owner.scope()).build());
    }

    /** The actor a bearer secret stands for, if it is a live token of an open account. */
    @Transactional
    public Optional<Actor> authenticate(String secret, String clientAddress) {
        return owner(secret, clientAddress).map(TokenOwner::actor);
    }

    /** As {@link #authenticate}, also saying whether the owner's password change is pending. */
    @Transactional
    public Optional<TokenOwner> owner(String secret, String clientAddress) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return rejected(clientAddress, "malformed");
        }
        Optional<TokenRepository.StoredToken> found = tokens.byHash(hash(secret));
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return rejected(clientAddress, "unknown");
        }
        TokenRepository.StoredToken token = found.get();
        if (token.revokedAt() != null) {
            return rejected(clientAddress, "revoked; token=" + token.id());
        }
        if (!token.expiresAt().isAfter(now)) {
            return rejected(clientAddress, "expired; token=" + token.id());
        }
        Optional<UserRepository.StoredUser> owner = accounts.storedById(token.userId());
                // A lockout after failed logins does not stop the owner's tokens (issue 12 point 4): anyone
        // can cause a lockout by typing wrong passwords, and it must not take integrations down.
        if (owner.isEmpty() || !owner.get().account().enabled()
                || !accounts.unitActive(owner.get().account().scope())) {
            return rejected(clientAddress, "owner-closed; token=" + token.id());
        }
        tokens.touch(token.id(), now);
        UserAccount a = owner.get().account();
        return Optional.of(new TokenOwner(new Actor(a.username(), a.role(), a.scope()),
                owner.get().passwordChangeRequired()));
    }

    private <T> Optional<T> rejected(String clientAddress, String reason) {
        limits.tokenRefused(clientAddress);
        if (!rejections.firstInWindow("TOKEN_REJECTED", clientAddress, reason.split(";")[0])) {
            return Optional.empty();
        }
        audit.record(AuditRecord.of("TOKEN_REJECTED", AuditCategory.SECURITY).actorName(LoginAttempts.UNKNOWN_USER)
                .outcome(AuditOutcome.DENIED).details("reason=" + reason).clientAddress(clientAddress).build());
        return Optional.empty();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ApiToken view(TokenRepository.StoredToken t) {
        return new ApiToken(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt(), t.revokedAt(), t.lastUsedAt());
    }
}
