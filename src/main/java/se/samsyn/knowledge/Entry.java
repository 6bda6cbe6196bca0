package se.samsyn.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry as stored, with its workflow status and current version number. {@code type},
 * {@code status}, {@code evidence}, {@code focusAreas} and {@code targetGroups} hold the lower-case
 * codes of {@link EntryType}, {@link EntryStatus}, {@link EvidenceLevel}, the follow-up focus areas
 * and {@link TargetGroup}; {@code version} counts from 1 and grows with every saved change;
 * {@code updatedBy} is the account that saved the current version (staff only, never answered on a
 * public endpoint); {@code publishedAt} is the first publication, or null.
 */
public record Entry(long id, String slug, String type, String title, String summary, String body,
                    List<String> focusAreas, List<String> targetGroups, String publisher, String evidence,
                    LocalDate validFrom, LocalDate reviewDue, String sourceUrl, String status, int version,
                    Instant updatedAt, String updatedBy, Instant publishedAt) {

    /** The status as its enum; a stored status is always one of the codes. */
    public EntryStatus entryStatus() {
        return EntryStatus.fromCode(status).orElseThrow();
    }

    /** The type as its enum; a stored type is always one of the codes. */
    public EntryType entryType() {
        return EntryType.fromCode(type).orElseThrow();
    }

    /** Whether the public sees the entry now. */
    public boolean isPublished() {
        return EntryStatus.PUBLISHED.code().equals(status);
    }

    /** The editable part of the entry, as a form or an import row carries it. */
    public EntryContent content() {
        return new EntryContent(slug, type, title, summary, body, focusAreas, targetGroups, publisher, evidence,
                validFrom, reviewDue, sourceUrl);
    }
}
