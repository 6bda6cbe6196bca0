package se.samsyn.prevention;

/**
 * A kind of preventive activity in the national catalogue.
 *
 * @param code       lower-case code, for example {@code preventive-home-visit}
 * @param nameSv     the Swedish name
 * @param nameEn     the English name
 * @param focusArea  organisation's focus-area code, for example {@code elderly-care}
 * @param methodSlug the knowledge-guide entry (a method) the kind follows, or null when there is none
 */
public record ActivityKind(String code, String nameSv, String nameEn, String focusArea, String methodSlug) {

    /** The name in the language asked for ({@code en} gives English, everything else Swedish). */
    public String name(String language) {
        return "en".equals(language) ? nameEn : nameSv;
    }
}
