package se.samsyn.audit;

import java.time.Instant;

/**
 * The result of walking the whole hash chain. {@code firstBrokenSeq} is the first sequence
 * number where the chain does not hold, and {@code problem} says how (a message key). Serializable,
 * so the page can carry it across its redirect after the check.
 */
public record ChainVerification(boolean intact, long checkedEntries, Long firstBrokenSeq, String problem,
                                Instant verifiedAt) implements java.io.Serializable {
}
