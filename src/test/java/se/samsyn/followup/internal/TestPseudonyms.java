package se.samsyn.followup.internal;

import java.util.function.Function;
import se.samsyn.followup.PersonalIdentityNumber;

/** Pseudonyms under a given key, for tests outside this package, which cannot reach the package-private {@link Pseudonymiser}. */
public final class TestPseudonyms {

    private TestPseudonyms() {
    }

    /** The keyed pseudonym of a number under {@code key} (at least 32 bytes), as the application computes it. */
    public static Function<PersonalIdentityNumber, String> under(byte[] key) {
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        return pseudonymiser::pseudonym;
    }
}
