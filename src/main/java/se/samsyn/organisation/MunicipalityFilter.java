package se.samsyn.organisation;

/** Filters for the municipality list: free text (name or code), county and kommungrupp. */
public record MunicipalityFilter(String text, String countyCode, String groupCode) {

    public MunicipalityFilter {
        text = blankToNull(text);
        countyCode = blankToNull(countyCode);
        groupCode = blankToNull(groupCode);
    }

    public static MunicipalityFilter all() {
        return new MunicipalityFilter(null, null, null);
    }

    /** Whether the municipality matches every part of the filter that is given (text in name or code, county, group). */
    public boolean matches(Municipality m) {
        if (countyCode != null && !countyCode.equals(m.countyCode())) {
            return false;
        }
        if (groupCode != null && !groupCode.equals(m.groupCode())) {
            return false;
        }
        if (text == null) {
            return true;
        }
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return m.code().startsWith(needle) || m.name().toLowerCase(java.util.Locale.ROOT).contains(needle);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
