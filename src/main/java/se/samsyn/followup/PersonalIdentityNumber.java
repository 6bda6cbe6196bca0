package se.samsyn.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samsyn.followup.InvalidPersonalIdentityNumber.Reason;
import se.samsyn.shared.SwedishTime;

/**
 * A validated Swedish personal identity number (personnummer) or coordination number
 * (samordningsnummer).
 *
 * <p>It exists only long enough to be pseudonymised and to yield birth year and legal sex; it must
 * never be stored, logged or printed, which is why {@link #toString()} hides the digits.
 *
 * <p>The rules, as Skatteverket states them (Folkbokföringslagen 18 §, Skatteverket's description
 * of the personnummer and the samordningsnummer), each refused with its own {@link Reason}:
 * <ul>
 *   <li>Written forms: {@code ÅÅMMDDNNNK}, {@code ÅÅMMDD-NNNK}, {@code ÅÅMMDD+NNNK},
 *       {@code ÅÅÅÅMMDDNNNK}, {@code ÅÅÅÅMMDD-NNNK} and {@code ÅÅÅÅMMDD+NNNK}; ASCII digits only,
 *       surrounding white space ignored. A string of digits (with at most one separator) that does
 *       not have 10 or 12 digits is {@link Reason#LENGTH}; anything else, including 10 or 12 digits
 *       with the separator in the wrong place, is {@link Reason#FORMAT}.</li>
 *   <li>Century of a ten-digit number: from the separator and the calendar year of the reference
 *       date, not from whether the birthday has passed. The '+' replaces '-' from the calendar year
 *       in which the person turns 100, so '-' (or no separator) means born in one of the 100 years
 *       up to and including the reference year, and '+' means born in one of the 100 years before
 *       that: {@code 261215+1239} read in 2026 is born in 1926, {@code 261215-1239} read in 2026
 *       is born in 2026.</li>
 *   <li>Century of a twelve-digit number: 18, 19 or 20, else {@link Reason#CENTURY}. The check
 *       digit does not cover the century, so this is the only rule that catches a typo in it.</li>
 *   <li>A '+' on a twelve-digit number is redundant but honoured: it must agree with the written
 *       century, i.e. the person turns 100 in the reference year or earlier, else
 *       {@link Reason#PLUS_CENTURY}. A '-' on a twelve-digit number is accepted for any age,
 *       since the form with century is commonly written with a hyphen for everyone.</li>
 *   <li>Date: a real calendar date (leap years included); a day of 61-91 is a coordination number
 *       (day + 60). Else {@link Reason#DATE}.</li>
 *   <li>Birth number (digits 7-9 of the ten-digit form): 001-999, else
 *       {@link Reason#BIRTH_NUMBER}.</li>
 *   <li>Check digit: Luhn over the ten-digit form, else {@link Reason#CHECKSUM}.</li>
 *   <li>Birth date after the reference date: {@link Reason#FUTURE}.</li>
 * </ul>
 * The checks run in that order, so an input gets the first reason that applies.
 */
public final class PersonalIdentityNumber {

    // ASCII digits only: \d would let a future UNICODE_CHARACTER_CLASS flag admit other scripts.
    private static final Pattern TWELVE = Pattern.compile("([0-9]{2})([0-9]{6})([-+]?)([0-9]{4})");
    private static final Pattern TEN = Pattern.compile("([0-9]{6})([-+]?)([0-9]{4})");
    // Digits with at most one separator, whatever their count: a wrong count is a LENGTH refusal.
    private static final Pattern DIGITS = Pattern.compile("[0-9]+(?:[-+][0-9]+)?");

    // Skatteverket forms a coordination number by adding 60 to the day of birth.
    private static final int COORDINATION_OFFSET = 60;
    // The '+' separator is used from the calendar year in which the person turns 100.
    private static final int PLUS_AGE = 100;

    private final String canonical;
    private final LocalDate birthDate;
    private final boolean coordinationNumber;

    private PersonalIdentityNumber(String canonical, LocalDate birthDate, boolean coordinationNumber) {
        this.canonical = canonical;
        this.birthDate = birthDate;
        this.coordinationNumber = coordinationNumber;
    }

    /**
     * Parses and validates a number against today's date in Sweden ({@link SwedishTime}).
     *
     * @param clock the clock that gives the reference date; its own zone is ignored
     * @throws InvalidPersonalIdentityNumber when the input is not a valid number
     * @see #parse(String, LocalDate)
     */
    public static PersonalIdentityNumber parse(String input, Clock clock) {
        return parse(input, SwedishTime.today(Objects.requireNonNull(clock, "clock")));
    }

    /**
     * Parses and validates a number in any of the forms people write it in, by the rules in the
     * class description.
     *
     * @param input the number as written; null, blank or any other text is refused
     * @param today the reference date: the century of a ten-digit number and the meaning of '+'
     *              depend on its year, and a birth date after it is refused
     * @throws InvalidPersonalIdentityNumber when the input is not a valid number, with the reason
     * @throws NullPointerException when {@code today} is null
     */
    public static PersonalIdentityNumber parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (input == null) {
            throw new InvalidPersonalIdentityNumber(Reason.FORMAT);
        }
        String trimmed = input.strip();
        Matcher twelve = TWELVE.matcher(trimmed);
        Matcher ten = TEN.matcher(trimmed);
        int year;
        String dateDigits;
        String serial;
        boolean plus;
        if (twelve.matches()) {
            int century = Integer.parseInt(twelve.group(1));
            if (century < 18 || century > 20) {
                throw new InvalidPersonalIdentityNumber(Reason.CENTURY);
            }
            dateDigits = twelve.group(2);
            plus = "+".equals(twelve.group(3));
            serial = twelve.group(4);
            year = century * 100 + Integer.parseInt(dateDigits.substring(0, 2));
        } else if (ten.matches()) {
            dateDigits = ten.group(1);
            plus = "+".equals(ten.group(2));
            serial = ten.group(3);
            year = impliedYear(Integer.parseInt(dateDigits.substring(0, 2)), plus, today.getYear());
        } else if (DIGITS.matcher(trimmed).matches() && !hasTenOrTwelveDigits(trimmed)) {
            throw new InvalidPersonalIdentityNumber(Reason.LENGTH);
        } else {
            throw new InvalidPersonalIdentityNumber(Reason.FORMAT);
        }

        int month = Integer.parseInt(dateDigits.substring(2, 4));
        int writtenDay = Integer.parseInt(dateDigits.substring(4, 6));
        boolean coordination = writtenDay > COORDINATION_OFFSET;
        int day = coordination ? writtenDay - COORDINATION_OFFSET : writtenDay;
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw new InvalidPersonalIdentityNumber(Reason.DATE);
        }
        if (serial.startsWith("000")) {
            throw new InvalidPersonalIdentityNumber(Reason.BIRTH_NUMBER);
        }
        String tenDigits = dateDigits + serial;
        if (!luhnValid(tenDigits)) {
            throw new InvalidPersonalIdentityNumber(Reason.CHECKSUM);
        }
        // For a ten-digit number the '+' chose the century, so it agrees by construction.
        if (plus && year > today.getYear() - PLUS_AGE) {
            throw new InvalidPersonalIdentityNumber(Reason.PLUS_CENTURY);
        }
        LocalDate birthDate = LocalDate.of(year, month, day);
        if (birthDate.isAfter(today)) {
            throw new InvalidPersonalIdentityNumber(Reason.FUTURE);
        }
        // year / 100 is 18, 19 or 20 here: two ASCII digits without any locale-dependent formatting.
        return new PersonalIdentityNumber(Integer.toString(year / 100) + tenDigits, birthDate, coordination);
    }

    /**
     * The birth year of a ten-digit number: the year ending in {@code yy} among the 100 years up
     * to and including the reference year, or, with '+', among the 100 years before those.
     */
    private static int impliedYear(int yy, boolean plus, int referenceYear) {
        int latest = plus ? referenceYear - PLUS_AGE : referenceYear;
        return latest - Math.floorMod(latest - yy, 100);
    }

    private static boolean hasTenOrTwelveDigits(String digitsAndSeparator) {
        long digits = digitsAndSeparator.chars().filter(c -> c >= '0' && c <= '9').count();
        return digits == 10 || digits == 12;
    }

    private static boolean luhnValid(String tenDigits) {
        return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }

    /**
     * The check digit (0-9) of a ten-digit personal identity number: the Luhn algorithm over the
     * first nine digits ({@code yyMMddnnn}), weights 2, 1, 2, ... from the left, digits of each
     * product summed (Skatteverket, SKV 704).
     *
     * @param nineDigits exactly nine ASCII digits, the ten-digit form without its last digit
     * @return the digit that makes the ten-digit form pass the Luhn check
     * @throws IllegalArgumentException when the text is not nine ASCII digits
     */
    public static int checkDigit(String nineDigits) {
        if (nineDigits == null || nineDigits.length() != 9 || !nineDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A check digit needs nine ASCII digits");
        }
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * Twelve ASCII digits without separator, the coordination day kept as written: the input to
     * pseudonymisation. The same whatever the JVM's default locale.
     */
    public String canonical() {
        return canonical;
    }

    /** The four-digit year of birth, 1800-2099. */
    public int birthYear() {
        return birthDate.getYear();
    }

    /** The real date of birth, with the coordination offset removed. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** Legal sex from the ninth digit of the ten-digit form: odd for men, even for women (Skatteverket). */
    public LegalSex legalSex() {
        return (canonical.charAt(10) - '0') % 2 == 1 ? LegalSex.MALE : LegalSex.FEMALE;
    }

    /** Whether the day was written with 60 added, which marks a samordningsnummer. */
    public boolean isCoordinationNumber() {
        return coordinationNumber;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalIdentityNumber that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Always {@code PersonalIdentityNumber[hidden]}: the digits never reach a log or a page. */
    @Override
    public String toString() {
        return "PersonalIdentityNumber[hidden]";
    }
}
