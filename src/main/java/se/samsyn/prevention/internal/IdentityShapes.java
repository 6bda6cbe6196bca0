package se.samsyn.prevention.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What could identify a person in a file of counts, refused wherever it appears (ADR 14). A value
 * shaped like a personnummer or samordningsnummer (YYMMDD-NNNN or YYYYMMDDNNNN, with or without
 * separator, valid or not: Skatteverket's SKV 704 shape) and a column whose name says it holds an
 * identity or a name. Deliberately its own small rule, not follow-up's validated number: this
 * module must never hold or parse one.
 */
final class IdentityShapes {

    private static final Pattern PERSONNUMMER = Pattern.compile("(\\d{2})?\\d{6}[-+ ]?\\d{4}");
    private static final Set<String> COLUMNS = Set.of("personnummer", "personnr", "pnr", "samordningsnummer",
            "personal_identity_number", "ssn", "id_number", "identity", "name", "namn", "fornamn", "efternamn",
            "first_name", "last_name", "full_name", "birth_date", "fodelsedatum", "date_of_birth", "client_id",
            "klient", "client", "person", "address", "adress", "phone", "telefon", "email", "e-post", "epost");

    private IdentityShapes() {
    }

    /** Whether the text is shaped like a personnummer or samordningsnummer. */
    static boolean personnummerShaped(String text) {
        return text != null && PERSONNUMMER.matcher(text.strip()).matches();
    }

    /** Whether a column of this name would hold an identity (compared without case and diacritics). */
    static boolean identityColumn(String column) {
        if (column == null) {
            return false;
        }
        String plain = Normalizer.normalize(column.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace(' ', '_');
        return COLUMNS.contains(plain) || plain.contains("personnummer") || plain.endsWith("_name") || plain.endsWith("namn");
    }
}
