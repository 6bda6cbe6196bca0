package se.samsyn.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The API's lower-case codes for enum constants, one rule for every module: the constant's name in
 * lower case with hyphens ({@code CASE_WORKER} is {@code case-worker}), and reading a code back,
 * where the constant's own name is accepted too because documents and events stored before codes
 * were used carry it.
 */
public final class Codes {

    private Codes() {
    }

    /** The default code of a constant: its name in lower case, underscores as hyphens. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant among {@code values} whose code (by {@code code}) or name equals {@code text};
     * empty for anything else, {@code null} included.
     */
    public static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> code, String text) {
        return Arrays.stream(values).filter(v -> code.apply(v).equals(text) || v.name().equals(text)).findFirst();
    }

    /**
     * As {@link #find}, for JSON creators and request parameters.
     *
     * @throws IllegalArgumentException "Unknown code …" when nothing matches
     */
    public static <E extends Enum<E>> E parse(E[] values, Function<E, String> code, String text) {
        return find(values, code, text).orElseThrow(() -> new IllegalArgumentException("Unknown code " + text));
    }
}
