package se.samsyn.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
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
    void readsThePlusOfSomeoneWhoTurnsOneHundredLaterThisYearAsBornThisYearMinusOneHundred() {
        // The example in the domain notes: '+' from the calendar year in which the person turns 100.
        PersonalIdentityNumber number = parse("261215+1239");

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1926, 12, 15));
        assertThat(number.canonical()).isEqualTo("192612151239");
    }

    @Test
    void takesTheCenturyFromTheSeparatorAndTheYearNotFromWhetherTheBirthdayHasPassed() {
        String tomorrow = withCheckDigit("261124123");
        String yesterday = withCheckDigit("261122123");
        String today = withCheckDigit("261123123");

        assertThat(parse(tomorrow.substring(0, 6) + "+" + tomorrow.substring(6)).birthDate())
                .isEqualTo(LocalDate.of(1926, 11, 24));
        assertThat(parse(yesterday.substring(0, 6) + "+" + yesterday.substring(6)).birthDate())
                .isEqualTo(LocalDate.of(1926, 11, 22));
        assertThat(parse(yesterday).birthDate()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(parse(today).birthDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        InvalidPersonalIdentityNumber rejection = rejectionOf(tomorrow.substring(0, 6) + "-" + tomorrow.substring(6));
        assertThat(rejection.reason()).isEqualTo(Reason.FUTURE);
        assertThat(rejection.messageKey()).isEqualTo("followup.pnr.future");
    }

    @Test
    void choosesTheCenturyFromTheYearOfTheGivenDayRatherThanTheClock() {
        LocalDate in2025 = LocalDate.of(2025, 6, 1);
        // In 2025 someone born in 1926 is still written with '-'; a '+' then means born in 1826.
        assertThat(PersonalIdentityNumber.parse("261215-1239", in2025).birthYear()).isEqualTo(1926);
        assertThat(PersonalIdentityNumber.parse("261215+1239", in2025).birthYear()).isEqualTo(1826);
        assertThat(PersonalIdentityNumber.parse("121212-1212", LocalDate.of(2012, 12, 12)).birthYear())
                .isEqualTo(2012);
        assertThat(catchThrowableOfType(InvalidPersonalIdentityNumber.class,
                () -> PersonalIdentityNumber.parse("121212-1212", LocalDate.of(2012, 12, 11))).reason())
                .isEqualTo(Reason.FUTURE);
        // Someone born in 2012 turns 100 in 2112 and is written with '+' from 1 January that year.
        assertThat(PersonalIdentityNumber.parse("121212-1212", LocalDate.of(2111, 12, 31)).birthYear())
                .isEqualTo(2012);
        assertThat(PersonalIdentityNumber.parse("121212+1212", LocalDate.of(2112, 1, 1)).birthYear())
                .isEqualTo(2012);
        assertThat(PersonalIdentityNumber.parse("121212-1212", LocalDate.of(2112, 12, 12)).birthYear())
                .isEqualTo(2112);
    }

    @Test
    void takesTheReferenceDateFromAClockInSwedishTime() {
        String bornOnTheSecond = "20" + withCheckDigit("260302123");
        // 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm: born today, not tomorrow.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC);
        Clock earlyEvening = Clock.fixed(Instant.parse("2026-03-01T22:30:00Z"), ZoneOffset.UTC);

        assertThat(PersonalIdentityNumber.parse(bornOnTheSecond, lateEvening).birthDate())
                .isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(catchThrowableOfType(InvalidPersonalIdentityNumber.class,
                () -> PersonalIdentityNumber.parse(bornOnTheSecond, earlyEvening)).reason()).isEqualTo(Reason.FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"150916000", "810101000", "570574000", "811278000"})
    void refusesBirthNumber000WithItsOwnMessage(String nineDigits) {
        String number = withCheckDigit(nineDigits);
        for (String form : List.of(number, number.substring(0, 6) + "-" + number.substring(6), "19" + number)) {
            InvalidPersonalIdentityNumber rejection = rejectionOf(form);
            assertThat(rejection.reason()).as(form).isEqualTo(Reason.BIRTH_NUMBER);
            assertThat(rejection.messageKey()).isEqualTo("followup.pnr.birth-number");
        }
    }

    @Test
    void acceptsBirthNumbers001And999() {
        assertThat(parse(withCheckDigit("810101001")).canonical()).isEqualTo("19" + withCheckDigit("810101001"));
        assertThat(parse(withCheckDigit("810101999")).canonical()).isEqualTo("19" + withCheckDigit("810101999"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "07", "17", "21", "99"})
    void refusesATwelveDigitCenturyOtherThan18To20WithItsOwnMessage(String century) {
        for (String form : List.of(century + "8112189876", century + "811218-9876", century + "811218+9876")) {
            InvalidPersonalIdentityNumber rejection = rejectionOf(form);
            assertThat(rejection.reason()).as(form).isEqualTo(Reason.CENTURY);
            assertThat(rejection.messageKey()).isEqualTo("followup.pnr.century");
        }
    }

    @Test
    void acceptsTheCenturies18To20() {
        assertThat(parse("18811218-9876").birthYear()).isEqualTo(1881);
        assertThat(parse("19811218-9876").birthYear()).isEqualTo(1981);
        assertThat(parse("20" + withCheckDigit("010101123")).birthYear()).isEqualTo(2001);
    }

    @Test
    void honoursAPlusOnATwelveDigitNumberWhenItAgreesWithTheCentury() {
        assertThat(parse("19261215+1239").canonical()).isEqualTo("192612151239");
        assertThat(parse("19121212+1212").birthDate()).isEqualTo(LocalDate.of(1912, 12, 12));
        assertThat(parse("18811218+9876").canonical()).isEqualTo("188112189876");
    }

    @Test
    void refusesAPlusOnATwelveDigitNumberOfSomeoneUnder100WithItsOwnMessage() {
        // Born 1981, 1927 (turns 100 next year) and 2012: none has turned 100 by the end of 2026.
        String born1927 = withCheckDigit("270101123");
        for (String form : List.of("19811218+9876", "19270101+" + born1927.substring(6), "20121212+1212")) {
            InvalidPersonalIdentityNumber rejection = rejectionOf(form);
            assertThat(rejection.reason()).as(form).isEqualTo(Reason.PLUS_CENTURY);
            assertThat(rejection.messageKey()).isEqualTo("followup.pnr.plus-century");
        }
    }

    @Test
    void acceptsAHyphenOnATwelveDigitNumberOfSomeoneOver100() {
        assertThat(parse("19121212-1212").birthYear()).isEqualTo(1912);
        assertThat(parse("18811218-9876").birthYear()).isEqualTo(1881);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/followup/personal-identity-numbers.csv", delimiter = '|')
    void agreesWithTheFixtureOfValidAndInvalidNumbers(String input, String reason, String canonical, String birthDate,
                                                      String legalSex, String coordination) {
        if (reason == null) {
            PersonalIdentityNumber number = parse(input);
            assertThat(number.canonical()).isEqualTo(canonical);
            assertThat(number.birthDate()).isEqualTo(LocalDate.parse(birthDate));
            assertThat(number.legalSex()).isEqualTo(LegalSex.valueOf(legalSex));
            assertThat(number.isCoordinationNumber()).isEqualTo(Boolean.parseBoolean(coordination));
        } else {
            InvalidPersonalIdentityNumber rejection = rejectionOf(input);
            assertThat(rejection.reason()).isEqualTo(Reason.valueOf(reason));
            assertThat(rejection.messageKey()).isEqualTo(Reason.valueOf(reason).messageKey());
        }
    }

    @Test
    void everyReasonHasItsOwnMessageKey() {
        assertThat(java.util.Arrays.stream(Reason.values()).map(Reason::messageKey)).doesNotHaveDuplicates()
                .containsExactly("followup.pnr.format", "followup.pnr.length", "followup.pnr.century",
                        "followup.pnr.date", "followup.pnr.birth-number", "followup.pnr.checksum",
                        "followup.pnr.plus-century", "followup.pnr.future");
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
        "81121-89876",
        "811218--9876",
        "811218 9876",
        "198112-189876",
        "+8112189876",
        "20000101-T220",
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

    @ParameterizedTest
    @ValueSource(strings = {"811218987", "81121898765", "1981121898761", "811218-98765", "811218+987", "1"})
    void refusesDigitsOfTheWrongCountWithTheLengthMessage(String input) {
        InvalidPersonalIdentityNumber rejection = rejectionOf(input);

        assertThat(rejection.reason()).isEqualTo(Reason.LENGTH);
        assertThat(rejection.messageKey()).isEqualTo("followup.pnr.length");
    }

    @Test
    void needsADayToInterpretTheNumberAgainst() {
        assertThatNullPointerException().isThrownBy(() -> PersonalIdentityNumber.parse("811218-9876", (LocalDate) null));
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

    @Test
    void theCheckDigitIsTheOneSkatteverketsExamplesCarry() {
        assertThat(PersonalIdentityNumber.checkDigit("811218987")).isEqualTo(6);
        assertThat(PersonalIdentityNumber.checkDigit("121212121")).isEqualTo(2);
        assertThat(PersonalIdentityNumber.checkDigit("000000000")).isZero();
        assertThat(PersonalIdentityNumber.checkDigit("800101987")).isEqualTo(Integer.parseInt(
                withCheckDigit("800101987").substring(9)));
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalIdentityNumber.checkDigit("81121898"));
        assertThatIllegalArgumentException().isThrownBy(() -> PersonalIdentityNumber.checkDigit("81121898x"));
    }
}
