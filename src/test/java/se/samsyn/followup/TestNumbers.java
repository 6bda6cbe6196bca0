package se.samsyn.followup;

/** Valid synthetic personal identity numbers for tests: born 1980-01-01, serial as given. */
public final class TestNumbers {

    private TestNumbers() {
    }

    /** 12 digits; the last digit of the serial decides legal sex (odd male, even female). */
    public static String number(int serial) {
        String body = String.format(java.util.Locale.ROOT, "800101%03d", serial);
        return "19" + body + luhn(body);
    }

    /** The same number with a broken check digit. */
    public static String broken(int serial) {
        String valid = number(serial);
        int last = valid.charAt(11) - '0';
        return valid.substring(0, 11) + ((last + 1) % 10);
    }

    static int luhn(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int d = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
