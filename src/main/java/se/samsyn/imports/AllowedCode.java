package se.samsyn.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One allowed value of a coded import column as an import page lists it: the code to write in the
 * file and its name, either as a message key (for codes whose names live in the i18n bundles, like
 * enums) or as a name already in the reader's language (for codes from the database, like units).
 * Exactly one of {@code messageKey} and {@code name} is set. Pages build these lists from the same
 * source the row rule checks against, so the page and the validator cannot disagree.
 *
 * @param code       the code as written in the file
 * @param messageKey the message key of the code's name, or null when {@code name} is given
 * @param name       the code's name as text, or null when {@code messageKey} is given
 */
public record AllowedCode(String code, String messageKey, String name) {

    /** A code named by a message key. */
    public static AllowedCode keyed(String code, String messageKey) {
        return new AllowedCode(code, messageKey, null);
    }

    /** A code named by text already in the reader's language. */
    public static AllowedCode named(String code, String name) {
        return new AllowedCode(code, null, name);
    }

    /** Every value of an enum in declaration order, by its code and message key. */
    public static <E> List<AllowedCode> of(E[] values, Function<E, String> code, Function<E, String> messageKey) {
        List<AllowedCode> list = new ArrayList<>();
        for (E v : values) {
            list.add(keyed(code.apply(v), messageKey.apply(v)));
        }
        return List.copyOf(list);
    }
}
