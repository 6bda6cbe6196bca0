package se.samsyn.followup;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samsyn.followup.InvalidPersonalIdentityNumber.Reason;

/**
 * A validated Swedish personal identity number (personnummer) or coordination number
 * (samordningsnummer).
 *
 * <p>It exists only long enough to be pseudonymised and to yield birth year and legal sex; it must
 * never be stored, logged or printed, which is why {@link #toString()} hides the digits.
 */
public final class PersonalIdentityNumber {

    // ASCII digits only: \d would let a future UNICODE_CHARACTER_CLASS flag admit other scripts.
    private static final Pattern TWELVE = Pattern.compile("([0-9]{2})([0-9]{6})-?([0-9]{4})");
    private static final Pattern TEN = Pattern.compile("([0-9]{6})([-+]?)([0-9]{4})");

    // Skatteverket forms a coordination number by adding 60 to the day of birth.
    private static final int COORDINATION_OFFSET = 60;

    private final String canonical;
    private final LocalDate birthDate;
    private final boolean coordinationNumber;

    private PersonalIdentityNumber(String canonical, LocalDate birthDate, boolean coordinationNumber) {
        this.canonical = canonical;
        this.birthDate = birthDate;
        this.coordinationNumber = coordinationNumber;
    }

    /**
     * Parses and validates a number in any of the forms people write it in.
     *
     * @param today the date a ten-digit number is interpreted against, since its century is implied
     * @throws InvalidPersonalIdentityNumber when the input is not a valid number
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
        if (twelve.matches()) {
            dateDigits = twelve.group(2);
            serial = twelve.group(3);
            year = Integer.parseInt(twelve.group(1) + dateDigits.substring(0, 2));
        } else if (ten.matches()) {
            dateDigits = ten.group(1);
            serial = ten.group(3);
            year = impliedYear(dateDigits, "+".equals(ten.group(2)), today);
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
        String tenDigits = dateDigits + serial;
        if (!luhnValid(tenDigits)) {
            throw new InvalidPersonalIdentityNumber(Reason.CHECKSUM);
        }
        LocalDate birthDate = LocalDate.of(year, month, day);
        if (birthDate.isAfter(today)) {
            throw new InvalidPersonalIdentityNumber(Reason.FUTURE);
        }
        String century = String.format("%02d", year / 100);
        return new PersonalIdentityNumber(century + tenDigits, birthDate, coordination);
    }

    /**
     * The century rule Skatteverket uses: the most recent year ending in YY whose date has not yet
     * come, and a century earlier when '+' marks a person who has turned 100.
     */
    private static int impliedYear(String dateDigits, boolean centenarian, LocalDate today) {
        int yy = Integer.parseInt(dateDigits.substring(0, 2));
        int year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
        // Compared as numbers because the date may still prove invalid; that is reported later as DATE.
        int month = Integer.parseInt(dateDigits.substring(2, 4));
        int day = Integer.parseInt(dateDigits.substring(4, 6));
        if (day > COORDINATION_OFFSET) {
            day -= COORDINATION_OFFSET;
        }
        if (year == today.getYear() && isAfter(month, day, MonthDay.from(today))) {
            year -= 100;
        }
        return centenarian ? year - 100 : year;
    }

    private static boolean isAfter(int month, int day, MonthDay today) {
        return month > today.getMonthValue() || (month == today.getMonthValue() && day > today.getDayOfMonth());
    }

    private static boolean luhnValid(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int product = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return sum % 10 == 0;
    }

    /** Twelve digits without separator, the coordination day kept as written: the input to pseudonymisation. */
    public String canonical() {
        return canonical;
    }

    public int birthYear() {
        return birthDate.getYear();
    }

    /** The real date of birth, with the coordination offset removed. */
    public LocalDate birthDate() {
        return birthDate;
    }

    public LegalSex legalSex() {
        // The ninth digit of the ten-digit form: odd for men, even for women.
        return (canonical.charAt(10) - '0') % 2 == 1 ? LegalSex.MALE : LegalSex.FEMALE;
    }

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

    @Override
    public String toString() {
        return "PersonalIdentityNumber[hidden]";
    }
}
