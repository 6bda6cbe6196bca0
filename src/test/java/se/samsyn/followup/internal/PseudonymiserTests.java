package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.PersonalIdentityNumber;

class PseudonymiserTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static final byte[] KEY = key(0);

    private static byte[] key(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    private static PersonalIdentityNumber number(String input) {
        return PersonalIdentityNumber.parse(input, TODAY);
    }

    @Test
    void givesTheSamePseudonymForTheSameNumberAndKey() {
        assertThat(new Pseudonymiser(KEY).pseudonym(number("811218-9876")))
                .isEqualTo(new Pseudonymiser(KEY).pseudonym(number("811218-9876")));
    }

    @Test
    void givesSixtyFourLowerCaseHexCharacters() {
        assertThat(new Pseudonymiser(KEY).pseudonym(number("811218-9876"))).matches("[0-9a-f]{64}");
    }

    @Test
    void givesADifferentPseudonymUnderAnotherKey() {
        assertThat(new Pseudonymiser(KEY).pseudonym(number("811218-9876")))
                .isNotEqualTo(new Pseudonymiser(key(1)).pseudonym(number("811218-9876")));
    }

    @Test
    void givesADifferentPseudonymForAnotherNumber() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

        assertThat(pseudonymiser.pseudonym(number("811218-9876")))
                .isNotEqualTo(pseudonymiser.pseudonym(number("121212-1212")));
    }

    @Test
    void givesOnePseudonymForEveryWrittenFormOfANumber() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);
        String expected = pseudonymiser.pseudonym(number("198112189876"));

        assertThat(pseudonymiser.pseudonym(number("811218-9876"))).isEqualTo(expected);
        assertThat(pseudonymiser.pseudonym(number("8112189876"))).isEqualTo(expected);
        assertThat(pseudonymiser.pseudonym(number("19811218-9876"))).isEqualTo(expected);
    }

    @Test
    void isTheHmacSha256OfTheCanonicalNumber() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String independent = HexFormat.of().formatHex(mac.doFinal("198112189876".getBytes(StandardCharsets.UTF_8)));

        assertThat(new Pseudonymiser(KEY).pseudonym(number("811218-9876"))).isEqualTo(independent);
    }

    @Test
    void givesTheSamePseudonymWhateverTheDefaultLocale() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String underRoot = pseudonymiser.pseudonym(number("811218-9876"));
            String centenarianUnderRoot = pseudonymiser.pseudonym(number("261215+1239"));
            for (Locale locale : List.of(new Locale("ar", "SA"), new Locale("tr", "TR"))) {
                Locale.setDefault(locale);
                assertThat(pseudonymiser.pseudonym(number("811218-9876"))).as(locale.toString()).isEqualTo(underRoot)
                        .isEqualTo("dc14c122005e4ad803d98b5a21f92ea51c3becbc98a9f6282a5bacd4993a3ab7");
                assertThat(pseudonymiser.pseudonym(number("261215+1239"))).as(locale.toString())
                        .isEqualTo(centenarianUnderRoot);
                assertThat(number("261215+1239").canonical()).isEqualTo("192612151239");
            }
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void matchesAKnownAnswerComputedOutsideJava() {
        // Python: hmac.new(bytes(range(32)), b"198112189876", hashlib.sha256).hexdigest()
        assertThat(new Pseudonymiser(KEY).pseudonym(number("811218-9876")))
                .isEqualTo("dc14c122005e4ad803d98b5a21f92ea51c3becbc98a9f6282a5bacd4993a3ab7");
    }

    @Test
    void pseudonymisesACoordinationNumberWithTheDayAsWritten() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String independent = HexFormat.of().formatHex(mac.doFinal("198112789873".getBytes(StandardCharsets.UTF_8)));

        assertThat(new Pseudonymiser(KEY).pseudonym(number("811278-9873"))).isEqualTo(independent);
    }

    @Test
    void isUnaffectedByLaterChangesToTheKeyArray() {
        byte[] key = key(0);
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        String before = pseudonymiser.pseudonym(number("811218-9876"));

        Arrays.fill(key, (byte) 0);

        assertThat(pseudonymiser.pseudonym(number("811218-9876"))).isEqualTo(before);
    }

    @Test
    void rejectsAKeyShorterThan32Bytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonymiser(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonymiser(new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> new Pseudonymiser(null));
    }

    @Test
    void acceptsAKeyLongerThan32Bytes() {
        assertThat(new Pseudonymiser(new byte[64]).pseudonym(number("811218-9876"))).hasSize(64);
    }

    @Test
    void generatesA32ByteKeyThatDiffersEachTime() {
        byte[] first = Pseudonymiser.generateKey();
        byte[] second = Pseudonymiser.generateKey();

        assertThat(first).hasSize(32);
        assertThat(second).hasSize(32);
        assertThat(first).isNotEqualTo(second);
        assertThat(new Pseudonymiser(first).pseudonym(number("811218-9876"))).hasSize(64);
    }

    @Test
    void doesNotRevealTheKeyWhenPrinted() {
        assertThat(new Pseudonymiser(KEY).toString()).doesNotContain(HexFormat.of().formatHex(KEY));
    }
}
