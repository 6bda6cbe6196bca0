package se.samsyn.comparison.kolada;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The records of the Kolada import and of the Kolada-compatible read API. */
public final class KoladaRecords {

    private KoladaRecords() {
    }

    /**
     * The outcome of importing one file. {@code status} is {@code imported}, {@code rejected} or
     * {@code valid} (a dry run without errors); {@code kind} is {@code metadata} or {@code values}.
     * Every bad row is counted in {@code errorCount}; the first {@link KoladaImport#MAX_LISTED_ERRORS}
     * are listed. {@code ignored} counts Kolada JSON cells without a value, which are not stored.
     */
    public record ImportResult(String status, String kind, long rows, long imported, long updated, long unchanged,
                               long ignored, List<RowError> errors, long errorCount, Set<String> indicatorIds) {

        public boolean rejected() {
            return "rejected".equals(status);
        }
    }

    /**
     * A rejected row: its number (the header is row 1 in CSV; the first object is row 1 in JSON;
     * 0 for the file as a whole), the field or null, the message key and its arguments as text
     * (for example the earlier row with the same key).
     */
    public record RowError(long row, String field, String messageKey, List<String> args) {

        public RowError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** A row error whose message takes no arguments. */
        public RowError(long row, String field, String messageKey) {
            this(row, field, messageKey, List.of());
        }
    }

    /**
     * What a live fetch from Kolada did: the metadata import and the values import (null when the
     * metadata was rejected), how many pages were read from Kolada, how many data rows (one per
     * gender value) they held, and how many of those Kolada marked deleted and were left out.
     */
    public record FetchResult(ImportResult metadata, ImportResult values, int pages, long rows, long deleted) {
    }

    /** An imported KPI with how many values are stored and for which years, for the import page. */
    public record ImportedKpi(String id, String title, String unit, String sourceName, String originalSource,
                              boolean published, long valueCount, Integer firstYear, Integer lastYear) {
    }

    /** One imported file, from the import log. */
    public record LoadEntry(String fileName, String kind, int rows, int imported, int updated, String loadedBy,
                            Instant loadedAt) {
    }

    /**
     * A published indicator as the Kolada-compatible API needs it, before it is shaped for v2 or v3
     * ({@link KoladaAnswers}). {@code kpiGroup} is the operating area (Kolada's) or the focus area's
     * Swedish name (Samsyn's own indicators), null when it has neither. {@code dividedByGender} is true
     * exactly when published values for both K and M are stored; {@code latestYear} is the latest year
     * with a published value, null when there is none.
     */
    public record Kpi(String id, String title, String description, String operatingArea, String kpiGroup,
                      String municipalityType, boolean dividedByGender, String perspective,
                      LocalDate publicationDate, Integer latestYear, String source) {
    }

    /** A municipality or region as the Kolada API describes it: type K (kommun) or L (landsting/region). */
    public record Area(String id, String title, String type) {
    }

    /** A municipality group: Kolada id, title and members. */
    public record Group(String id, String title, List<Member> members) {
    }

    /** A member of a municipality group or a KPI group, named as Kolada names it (v2 and v3). */
    public record Member(String member_id, String member_title) {
    }

    /** An organisational unit (Kolada's "ou"): a Samsyn unit with its id, municipality code and name. */
    public record Ou(String id, String municipality, String title) {
    }

    /** One unit-level data item: a KPI for one unit and year, with a value per gender. */
    public record OuDataItem(String kpi, String ou, int period, List<GenderValue> values) {
    }

    /** One data item: a KPI for one municipality (or group) and year, with a value per gender. */
    public record DataItem(String kpi, String municipality, int period, List<GenderValue> values) {
    }

    /** A value for one gender; {@code count} is 1 for a single area and the number of contributing members for a group. */
    public record GenderValue(String gender, Double value, int count, String status) {
    }

    /** The envelope of a v2 data answer (written from cached JSON; this record documents its shape). */
    public record DataPage(List<DataItem> values, int count, String next_page, String previous_page) {
    }

    /** The envelope of a v3 data answer (written from cached JSON; this record documents its shape). */
    public record DataPageV3(List<DataItem> values, int count, String next_url, String previous_url) {
    }
}
