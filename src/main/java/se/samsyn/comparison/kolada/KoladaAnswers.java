package se.samsyn.comparison.kolada;

import java.time.LocalDate;
import java.util.List;
import se.samsyn.comparison.kolada.KoladaRecords.Kpi;

/**
 * The answers of the Kolada-compatible API as each version of Kolada's API names and types their
 * fields (Kolada's published API documentation, v2 and v3). v2 pages are
 * {@code {values, count, next_page, previous_page}}, v3 pages {@code {values, count, next_url,
 * previous_url}}; a v2 KPI has {@code is_divided_by_gender} 0 or 1 and {@code auspices}, a v3 KPI
 * the boolean and {@code auspice}. Samsyn adds {@code source} (the original statistics source) to
 * a KPI in both versions.
 */
final class KoladaAnswers {

    private KoladaAnswers() {
    }

    /** The version of Kolada's API an answer follows, from the path ({@code v2} or {@code v3}). */
    enum Version {
        V2, V3;

        /** The version for a path segment: {@code v3} is v3, everything else v2 (the mapping admits only v2 and v3). */
        static Version of(String segment) {
            return "v3".equals(segment) ? V3 : V2;
        }

        /** The envelope's field names for the next and the previous page. */
        String nextField() {
            return this == V3 ? "next_url" : "next_page";
        }

        String previousField() {
            return this == V3 ? "previous_url" : "previous_page";
        }
    }

    /** A v2 page of items. */
    record Page<T>(List<T> values, int count, String next_page, String previous_page) {
    }

    /** A v3 page of items. */
    record PageV3<T>(List<T> values, int count, String next_url, String previous_url) {
    }

    /**
     * A KPI as v2 has it. {@code publ_period} is the latest year with a published value (text, as
     * Kolada sends it); {@code prel_publication_date}, {@code ou_publication_date} and {@code auspices}
     * are null because Samsyn keeps no such data; {@code has_ou_data} is false (no unit-level values
     * are published).
     */
    record KpiV2(String id, String title, String description, int is_divided_by_gender, String municipality_type,
                 String operating_area, String perspective, String prel_publication_date, String publ_period,
                 LocalDate publication_date, String ou_publication_date, String auspices, boolean has_ou_data,
                 String source) {
    }

    /** A KPI as v3 has it; the fields mean what they mean in {@link KpiV2}. */
    record KpiV3(String id, String title, String description, boolean is_divided_by_gender, String municipality_type,
                 String operating_area, String perspective, String prel_publication_date, String publ_period,
                 LocalDate publication_date, String ou_publication_date, String auspice, boolean has_ou_data,
                 String source) {
    }

    /** The KPI shaped for the version. */
    static Object kpi(Version version, Kpi k) {
        String period = k.latestYear() == null ? null : String.valueOf(k.latestYear());
        if (version == Version.V3) {
            return new KpiV3(k.id(), k.title(), k.description(), k.dividedByGender(), k.municipalityType(),
                    k.operatingArea(), k.perspective(), null, period, k.publicationDate(), null, null, false,
                    k.source());
        }
        return new KpiV2(k.id(), k.title(), k.description(), k.dividedByGender() ? 1 : 0, k.municipalityType(),
                k.operatingArea(), k.perspective(), null, period, k.publicationDate(), null, null, false, k.source());
    }

    /** A page envelope in the version's names. */
    static <T> Object page(Version version, List<T> values, int count, String next, String previous) {
        return version == Version.V3 ? new PageV3<>(values, count, next, previous)
                : new Page<>(values, count, next, previous);
    }
}
