package se.samsyn.knowledge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import se.samsyn.knowledge.EntryRejected;
import se.samsyn.knowledge.Entry;
import se.samsyn.knowledge.EntryContent;

/** The entry form as typed; dates stay text until they are checked. */
public record EntryForm(String slug, String type, String title, String summary, String body, List<String> focusAreas,
                 List<String> targetGroups, String publisher, String evidence, String validFrom, String reviewDue,
                 String sourceUrl) {

    static EntryForm empty() {
        return new EntryForm("", "method", "", "", "", List.of(), List.of(), "", "", "", "", "");
    }

    static EntryForm of(Entry e) {
        return new EntryForm(e.slug(), e.type(), e.title(), e.summary(), e.body(), e.focusAreas(), e.targetGroups(),
                e.publisher(), e.evidence() == null ? "" : e.evidence(),
                e.validFrom() == null ? "" : e.validFrom().toString(),
                e.reviewDue() == null ? "" : e.reviewDue().toString(), e.sourceUrl() == null ? "" : e.sourceUrl());
    }

    EntryContent content(String fallbackSlug) {
        return new EntryContent(slug == null || slug.isBlank() ? fallbackSlug : slug, type, title, summary, body,
                focusAreas, targetGroups, publisher, evidence, date(validFrom, "validFrom"), date(reviewDue, "reviewDue"),
                sourceUrl);
    }

    public boolean has(String list, String code) {
        List<String> values = "focus".equals(list) ? focusAreas : targetGroups;
        return values != null && values.contains(code);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new EntryRejected(field, se.samsyn.shared.DateText.problemKey(value, "guide.import.error.date"));
        }
    }
}
