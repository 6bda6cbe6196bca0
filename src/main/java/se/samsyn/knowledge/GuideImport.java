package se.samsyn.knowledge;

import java.io.InputStream;
import org.springframework.security.access.AccessDeniedException;
import se.samsyn.shared.Actor;

/**
 * Bulk import and export of entries as JSON (an array of entry objects, lists as arrays) or CSV
 * (header {@code slug,type,title,summary,body,focus_areas,target_groups,publisher,evidence,
 * valid_from,review_due,source_url,status}, lists separated by ";"), through the one import
 * pipeline (ADR 11). An import is all-or-nothing; new slugs become new entries in the row's status
 * (draft, review or published; draft when empty), known slugs get their content updated as a new
 * version and keep their status. For knowledge editors only: others get
 * {@link AccessDeniedException} (403).
 */
public interface GuideImport {

    /**
     * Reads a JSON or CSV file and imports it, or with {@code dryRun} only checks it. The file is
     * read strictly: not UTF-8, empty, without rows, with a CSV row of the wrong width, a JSON element
     * that is not an entry object, an unknown property or text after the array, and it is rejected
     * with the problems listed and nothing stored.
     *
     * @param format "json" or "csv"
     */
    ImportOutcome run(Actor actor, String format, InputStream in, boolean dryRun);

    /**
     * Every entry, in every status, as the text of an import file: a pretty-printed JSON array, or
     * CSV with the header above when {@code format} is "csv".
     */
    String export(Actor actor, String format);

    /**
     * The import template as the text of an import file: the CSV header above (or a JSON array) with
     * one example entry that passes the import's validation, a draft method with slug
     * {@value #TEMPLATE_SLUG}. Open to anyone (it holds no entry).
     *
     * @param format "json" or "csv"
     */
    String template(String format);

    /** The statuses a row may give, in workflow order (an empty status is a draft). */
    java.util.List<EntryStatus> IMPORTABLE_STATUSES = java.util.List.of(EntryStatus.DRAFT, EntryStatus.REVIEW,
            EntryStatus.PUBLISHED);

    /** The slug of the template's example entry. */
    String TEMPLATE_SLUG = "exempel-motiverande-samtal";
}
