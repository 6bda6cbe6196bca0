package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import se.samsyn.followup.InvalidPersonalIdentityNumber.Reason;

class PersonalIdentityNumberTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    /** Appends the Luhn check digit, so that every fixture fails only for the reason it is about. */
    static String withCheckDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return nineDigits + (10 - sum % 10) % 10;
    }

    private static PersonalIdentityNumber parse(String input) {
        return PersonalIdentityNumber.parse(input, TODAY);
    }

    private static InvalidPersonalIdentityNumber rejectionOf(String input) {
        InvalidPersonalIdentityNumber rejection =
                catchThrowableOfType(InvalidPersonalIdentityNumber.class, () -> parse(input));
        assertThat(rejection).as("rejection of %s", input).isNotNull();
        return rejection;
    }

    @Test
    void checkDigitHelperAgreesWithThePublishedExamples() {
        assertThat(withCheckDigit("811218987")).isEqualTo("8112189876");
        assertThat(withCheckDigit("121212121")).isEqualTo("1212121212");
    }

    @Test
    void acceptsAllWrittenFormsOfOneNumberAsTheSameCanonical() {
        for (String form : List.of("198112189876", "19811218-9876", "8112189876", "811218-9876")) {
            assertThat(parse(form).canonical()).as(form).isEqualTo("198112189876");
        }
    }

    @Test
    void acceptsTheTwelveDigitExampleWithAHyphen() {
        PersonalIdentityNumber number = parse("19121212-1212");

        assertThat(number.canonical()).isEqualTo("191212121212");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1912, 12, 12));
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(parse("  811218-9876\t\n").canonical()).isEqualTo("198112189876");
        assertThat(parse(" 198112189876 ").canonical()).isEqualTo("198112189876");
    }

    @Test
    void placesATenDigitNumberInTheMostRecentCenturyNotAfterToday() {
        assertThat(parse("121212-1212").birthYear()).isEqualTo(2012);
        assertThat(parse("1212121212").birthYear()).isEqualTo(2012);
        assertThat(parse("811218-9876").birthYear()).isEqualTo(1981);
    }

    @Test
    void placesATenDigitNumberWithAPlusOneCenturyEarlier() {
        PersonalIdentityNumber number = parse("121212+1212");

        assertThat(number.birthYear()).isEqualTo(1912);
        assertThat(number.canonical()).isEqualTo("191212121212");
        assertThat(parse("811218+9876").canonical()).isEqualTo("188112189876");
    }

    @Test
    void placesABirthdayLaterThisYearInThePreviousCentury() {
        String tomorrow = withCheckDigit("261124123");
        String today = withCheckDigit("261123123");

        assertThat(parse(tomorrow).birthDate()).isEqualTo(LocalDate.of(1926, 11, 24));
        assertThat(parse(today).birthDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(parse(tomorrow.substring(0, 6) + "+" + tomorrow.substring(6)).birthYear()).isEqualTo(1826);
    }

    @Test
    void choosesTheCenturyFromTheGivenDayRatherThanTheClock() {
        assertThat(PersonalIdentityNumber.parse("121212-1212", LocalDate.of(2012, 12, 11)).birthYear())
                .isEqualTo(1912);
        assertThat(PersonalIdentityNumber.parse("121212-1212", LocalDate.of(2012, 12, 12)).birthYear())
                .isEqualTo(2012);
    }

    @Test
    void acceptsACoordinationNumberAndFlagsIt() {
        String coordination = withCheckDigit("811278987");
        assertThat(coordination).isEqualTo("8112789873");

        PersonalIdentityNumber number = parse(coordination.substring(0, 6) + "-" + coordination.substring(6));

        assertThat(number.isCoordinationNumber()).isTrue();
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1981, 12, 18));
        assertThat(number.birthYear()).isEqualTo(1981);
        assertThat(number.canonical()).isEqualTo("198112789873");
        assertThat(parse("19" + coordination).canonical()).isEqualTo("198112789873");
    }

    @Test
    void acceptsCoordinationDaysFrom61To91() {
        assertThat(parse(withCheckDigit("811261987")).birthDate()).isEqualTo(LocalDate.of(1981, 12, 1));
        assertThat(parse(withCheckDigit("811291987")).birthDate()).isEqualTo(LocalDate.of(1981, 12, 31));
    }

    @Test
    void doesNotFlagAnOrdinaryNumberAsCoordination() {
        assertThat(parse("811218-9876").isCoordinationNumber()).isFalse();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        for (String wrong : List.of("811218-9875", "8112189877", "198112189870", "19121212-1213")) {
            InvalidPersonalIdentityNumber rejection = rejectionOf(wrong);
            assertThat(rejection.reason()).as(wrong).isEqualTo(Reason.CHECKSUM);
            assertThat(rejection.messageKey()).isEqualTo("followup.pnr.checksum");
        }
    }

    @Test
    void rejectsACoordinationNumberWithAWrongCheckDigit() {
        assertThat(rejectionOf("8112789874").reason()).isEqualTo(Reason.CHECKSUM);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "810230987", // 30 February
        "810229987", // 29 February in a common year
        "811318987", // month 13
        "810018987", // month 00
        "811200987", // day 00
        "811232987", // day 32
        "811131987", // 31 November
        "811260987", // coordination day 60 would mean day 0
        "811292987", // coordination day 92 would mean day 32
        "811191987" // 31 November written as coordination day 91
    })
    void rejectsImpossibleDatesEvenWithACorrectCheckDigit(String nineDigits) {
        InvalidPersonalIdentityNumber rejection = rejectionOf(withCheckDigit(nineDigits));

        assertThat(rejection.reason()).isEqualTo(Reason.DATE);
        assertThat(rejection.messageKey()).isEqualTo("followup.pnr.date");
    }

    @Test
    void acceptsTheLeapDayOf2000() {
        String leapDay = withCheckDigit("000229123");

        assertThat(parse("20" + leapDay).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(parse(leapDay).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsTheLeapDayOf1900BecauseThatYearHadNone() {
        String leapDay = withCheckDigit("000229123");

        assertThat(rejectionOf("19" + leapDay).reason()).isEqualTo(Reason.DATE);
        assertThat(rejectionOf(leapDay.substring(0, 6) + "+" + leapDay.substring(6)).reason()).isEqualTo(Reason.DATE);
    }

    @Test
    void appliesTheLeapYearRuleToCoordinationDaysToo() {
        String coordinationLeapDay = withCheckDigit("000289123");

        assertThat(parse("20" + coordinationLeapDay).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(rejectionOf("19" + coordinationLeapDay).reason()).isEqualTo(Reason.DATE);
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        for (String future : List.of("20" + withCheckDigit("261124123"), "20" + withCheckDigit("990101123"))) {
            InvalidPersonalIdentityNumber rejection = rejectionOf(future);
            assertThat(rejection.reason()).as(future).isEqualTo(Reason.FUTURE);
            assertThat(rejection.messageKey()).isEqualTo("followup.pnr.future");
        }
    }

    @Test
    void acceptsABirthDateOfToday() {
        assertThat(parse("20" + withCheckDigit("261123123")).birthDate()).isEqualTo(TODAY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "   ",
        "81121A-9876",
        "811218-987X",
        "ABCDEFGHIJ",
        "811218987",
        "81121898765",
        "1981121898761",
        "81121-89876",
        "811218--9876",
        "811218 9876",
        "19811218+9876",
        "198112-189876",
        "811218/9876",
        "٨١١٢١٨٩٨٧٦"
    })
    void rejectsAnythingThatIsNotOneOfTheWrittenForms(String input) {
        InvalidPersonalIdentityNumber rejection =
                catchThrowableOfType(InvalidPersonalIdentityNumber.class, () -> parse(input));

        assertThat(rejection).isNotNull();
        assertThat(rejection.reason()).isEqualTo(Reason.FORMAT);
        assertThat(rejection.messageKey()).isEqualTo("followup.pnr.format");
    }

    @Test
    void needsADayToInterpretTheNumberAgainst() {
        assertThatNullPointerException().isThrownBy(() -> PersonalIdentityNumber.parse("811218-9876", null));
    }

    @Test
    void keepsTheInputOutOfTheRejectionMessage() {
        for (String input : List.of("811218-9875", "19000229-1235", "20991231-1234", "81121A-9876")) {
            InvalidPersonalIdentityNumber rejection = rejectionOf(input);
            assertThat(rejection.getMessage()).doesNotContain(input).doesNotContain("811218").doesNotContain("9875")
                    .doesNotContainPattern("[0-9]{4}");
            assertThat(rejection.toString()).doesNotContain(input);
        }
    }

    @Test
    void derivesLegalSexFromTheNinthDigit() {
        assertThat(parse("811218-9876").legalSex()).isEqualTo(LegalSex.MALE);
        assertThat(parse("121212-1212").legalSex()).isEqualTo(LegalSex.MALE);
        assertThat(parse(withCheckDigit("121212122")).legalSex()).isEqualTo(LegalSex.FEMALE);
        assertThat(parse(withCheckDigit("800101002")).legalSex()).isEqualTo(LegalSex.FEMALE);
        assertThat(parse(withCheckDigit("800101009")).legalSex()).isEqualTo(LegalSex.MALE);
    }

    @Test
    void codesLegalSexTheWaySwedishStatisticsDo() {
        assertThat(LegalSex.FEMALE.code()).isEqualTo("K");
        assertThat(LegalSex.MALE.code()).isEqualTo("M");
    }

    @Test
    void derivesBirthYearAndDate() {
        PersonalIdentityNumber number = parse("811218-9876");

        assertThat(number.birthYear()).isEqualTo(1981);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1981, 12, 18));
    }

    @Test
    void neverRevealsItsDigitsWhenPrinted() {
        PersonalIdentityNumber number = parse("811218-9876");

        assertThat(number.toString()).isEqualTo("PersonalIdentityNumber[hidden]");
        assertThat(String.valueOf(number)).doesNotContainPattern("[0-9]");
        assertThat(parse(withCheckDigit("811278987")).toString()).isEqualTo("PersonalIdentityNumber[hidden]");
    }

    @Test
    void equalsTheSameNumberWhicheverWayItWasWritten() {
        assertThat(parse("811218-9876")).isEqualTo(parse("198112189876")).hasSameHashCodeAs(parse("198112189876"));
        assertThat(parse("811218-9876")).isNotEqualTo(parse("121212-1212"));
    }
}
