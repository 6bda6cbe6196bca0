package se.samsyn.followup;

/** Legal sex as recorded in the population register, derived from the personal identity number. */
public enum LegalSex {
    FEMALE("K"),
    MALE("M");

    // Swedish statistics (SCB, Socialstyrelsen) use K/M, so reports and storage follow that code.
    private final String code;

    LegalSex(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
