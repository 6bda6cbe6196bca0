package se.samsyn.platform.internal;

import java.util.regex.Pattern;
import se.samsyn.shared.PersonalNumberShape;

/**
 * Whether the address of a failed request may be repeated in the answer (the error page's language
 * switch, a problem's {@code instance}): only a plain local path, letters, digits and
 * {@code . _ ~ - /} without {@code //} (so never a link to another site, never percent-encoded
 * text), holding nothing shaped like a personal identity number ({@link PersonalNumberShape};
 * issue 12 point 3).
 */
final class FailedAddress {

    /** A local path of plain characters only (no percent-encoding, no query, no backslash). */
    static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    private FailedAddress() {
    }

    /** True when {@code address} (a request URI, may be null) may be repeated in an answer. */
    static boolean echoable(String address) {
        return address != null && PLAIN_PATH.matcher(address).matches() && !address.contains("//")
                && !PersonalNumberShape.foundIn(address);
    }
}
