package se.samsyn.imports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Files that passed a dry run, held for a short while so that "Importera nu" runs the real import
 * without the user choosing the file again. A file is held in this instance's memory only (never
 * in the database or the session store, since import files carry personal identity numbers),
 * under a random token (32 bytes from {@link SecureRandom}, base64url), for its owner and import
 * kind only, for at most {@link #LIFE}; a file over {@link #MAX_FILE_BYTES} is not held, and the
 * oldest files give way when all held files together pass {@link #MAX_TOTAL_BYTES}. A token is
 * used once. When a token is unknown (expired, used, or held by another instance behind a load
 * balancer) the page asks for the file again.
 */
@Component
public class HeldUploads {

    /** How long a file is held after its dry run. */
    public static final Duration LIFE = Duration.ofMinutes(15);
    /** The largest file held, in bytes (10 MiB). */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;
    /** The most bytes held at once, over every user (64 MiB). */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    /**
     * A held file.
     *
     * @param owner       the user name of who uploaded it
     * @param kind        the import it is for, as the page names it (for example {@code followup:needs})
     * @param fileName    the file's name as uploaded (may be null)
     * @param contentType the content type as uploaded (may be null)
     * @param content     the file's bytes
     */
    public record Held(String owner, String kind, String fileName, String contentType, byte[] content) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Held> held = Caffeine.newBuilder().expireAfterWrite(LIFE)
            .maximumWeight(MAX_TOTAL_BYTES).weigher((String token, Held h) -> h.content().length).build();

    /**
     * Holds a file and answers its token, or empty when the file is larger than {@link #MAX_FILE_BYTES}.
     */
    public Optional<String> hold(String owner, String kind, String fileName, String contentType, byte[] content) {
        if (content == null || content.length > MAX_FILE_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        held.put(token, new Held(owner, kind, fileName, contentType, content.clone()));
        return Optional.of(token);
    }

    /**
     * Takes the file held under a token for this owner and import kind, and forgets it; empty when
     * there is none (unknown, expired, already taken, or someone else's or another kind's).
     */
    public Optional<Held> take(String token, String owner, String kind) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Held h = held.getIfPresent(token);
        if (h == null || !h.owner().equals(owner) || !h.kind().equals(kind)) {
            return Optional.empty();
        }
        held.invalidate(token);
        return Optional.of(h);
    }
}
