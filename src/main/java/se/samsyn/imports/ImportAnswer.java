package se.samsyn.imports;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * An import's outcome as an API answers it: status {@code imported}, {@code valid} (dry run) or
 * {@code rejected}, the counts, and every listed problem with its message in the caller's language.
 * Used by the imports whose answers were built for the pipeline (competence, prevention); older
 * imports keep their own published shapes.
 */
public record ImportAnswer(String status, long rows, long created, long updated, long unchanged, long errorCount,
                           List<RowError> errors) {

    /** A rejected row: its number, the column (or null), the message key, its arguments and the message. */
    public record RowError(long row, String field, String messageKey, List<String> args, String message) {
    }

    /** The answer for {@code report}, its messages from {@code messages} in {@code locale}. */
    public static ImportAnswer of(ImportReport report, MessageSource messages, Locale locale) {
        return new ImportAnswer(report.status(), report.rows(), report.created(), report.updated(), report.unchanged(),
                report.errorCount(), report.errors().stream().map(e -> new RowError(e.row(), e.field(), e.messageKey(),
                        e.args(), messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale)))
                        .toList());
    }
}
