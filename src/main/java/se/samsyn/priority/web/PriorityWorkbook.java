package se.samsyn.priority.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import se.samsyn.followup.PublishedYears;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.Recommendation;

/**
 * A published list as an Excel workbook: the pairs by band on one sheet, the process on another.
 * Each pair's national practice figures follow its criteria, as the list page shows them: n, median
 * change and share improved (rounded to one decimal like the page) and persons reached as numbers,
 * ".." in the n column where the figures are hidden (as the nation's outcome report hides them: too
 * few clients, or hidden to protect another count), and the page's own text with its large-gap
 * flag; the column headings name the period ({@link PriorityText#practiceHeading}), and the process
 * sheet says when the figures were computed, or that they are not yet, and, where the figures of
 * every pair are hidden, why in the page's words ({@link PriorityText#practiceAllHidden}).
 * A figure that does not exist reads "-" beside the page's words for it: no follow-up in the nation,
 * not computed yet, or an intervention in free text, which follow-up does not count
 * ({@code priority.practice.free-text}). A figure that cannot occur reads "." ({@link #NOT_APPLICABLE}):
 * the persons reached outside preventive pairs, the median change of a preventive pair.
 */
final class PriorityWorkbook {

    /** When the list was published, as the page shows it: Swedish local time to the minute. */
    private static final java.time.format.DateTimeFormatter PUBLISHED =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(se.samsyn.shared.SwedishTime.ZONE);

    /** The mark of a figure that does not exist, as on the page's tables. */
    private static final String NONE = "-";

    /**
     * The mark of a figure that cannot occur (the official statistics' "."): the persons reached of a pair
     * that is not preventive, the median change of a preventive pair.
     */
    private static final String NOT_APPLICABLE = ".";

    private PriorityWorkbook() {
    }

    static byte[] write(PublishedList list, Map<Recommendation.Band, List<PairView>> bands,
                        Map<Long, PracticeEvidence> practice, PublishedYears period, java.time.Instant asOf,
                        MessageSource messages, Locale locale) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = workbook.createSheet(text(messages, "priority.sheet.pairs", locale));
            String[] headers = {"priority.col.band", "priority.col.recommendation", "priority.col.condition",
                    "priority.col.target-group", "priority.col.intervention", "priority.col.benefit",
                    "priority.col.benefit-rationale", "priority.col.cost", "priority.col.cost-rationale",
                    "priority.col.certainty", "priority.col.certainty-rationale", "priority.col.severity",
                    "priority.col.severity-rationale", "priority.col.statutory", "priority.col.proposal",
                    "priority.col.reasons", "priority.col.decision-rationale"};
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(text(messages, headers[i], locale));
                cell.setCellStyle(bold);
            }
            String practiceHeading = PriorityText.practiceHeading(period, messages, locale);
            String[] practiceHeaders = {"priority.col.practice-clients", "priority.col.practice-median",
                    "priority.col.practice-improved", "priority.col.practice-reached", "priority.col.practice-text"};
            for (int i = 0; i < practiceHeaders.length; i++) {
                Cell cell = header.createCell(headers.length + i);
                cell.setCellValue(messages.getMessage(practiceHeaders[i], new Object[] {practiceHeading}, locale));
                cell.setCellStyle(bold);
            }
            CellStyle oneDecimal = workbook.createCellStyle();
            oneDecimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            int r = 1;
            for (Map.Entry<Recommendation.Band, List<PairView>> band : bands.entrySet()) {
                for (PairView view : band.getValue()) {
                    Pair p = view.pair();
                    Row line = sheet.createRow(r++);
                    String[] values = {
                            text(messages, "priority.band." + band.getKey().code(), locale),
                            text(messages, "priority.recommendation." + view.effective().code(), locale),
                            p.condition(), p.targetGroup(), view.interventionName(),
                            text(messages, "priority.benefit." + p.benefit().code(), locale), p.benefitRationale(),
                            text(messages, "priority.cost." + p.cost().code(), locale), p.costRationale(),
                            text(messages, "priority.certainty." + p.certainty().code(), locale), p.certaintyRationale(),
                            p.severity() == null ? "" : text(messages, "priority.severity." + p.severity().code(), locale),
                            p.severityRationale(), p.statutory() ? p.statutoryReference() : "",
                            text(messages, "priority.recommendation." + view.proposal().recommendation().code(), locale),
                            PriorityText.explain(view.proposal(), messages, locale), p.decisionRationale()};
                    for (int i = 0; i < values.length; i++) {
                        line.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
                    }
                    PracticeEvidence evidence = practice.get(p.id());
                    if (evidence != null) {
                        int c = values.length;
                        if (evidence.suppressed()) {
                            // hidden: n, median change and share alike, so a hidden figure does not read as "no data"
                            line.createCell(c).setCellValue("..");
                            // a preventive pair has no median change
                            line.createCell(c + 1).setCellValue(evidence.reached() == null ? ".." : NOT_APPLICABLE);
                            line.createCell(c + 2).setCellValue("..");
                        } else if (evidence.clients() == null) {
                            // no figures (none in the nation, or not computed yet): "-", as the text beside says
                            line.createCell(c).setCellValue(NONE);
                            line.createCell(c + 1).setCellValue(evidence.reached() == null ? NONE : NOT_APPLICABLE);
                            line.createCell(c + 2).setCellValue(NONE);
                        } else {
                            number(line, c, evidence.clients(), null);
                            if (evidence.reached() != null) {
                                line.createCell(c + 1).setCellValue(NOT_APPLICABLE);
                            } else {
                                number(line, c + 1, oneDecimal(evidence.medianChange()), oneDecimal);
                            }
                            if (evidence.shareImproved() == null) {
                                line.createCell(c + 2).setCellValue(".."); // 0 % or 100 % of a small base (ADR 0015)
                            } else {
                                number(line, c + 2, oneDecimal(evidence.shareImproved()), oneDecimal);
                            }
                        }
                        if (evidence.reached() == null) {
                            line.createCell(c + 3).setCellValue(NOT_APPLICABLE); // not a preventive pair
                        } else {
                            number(line, c + 3, evidence.reached(), null);
                        }
                        line.createCell(c + 4).setCellValue(PriorityText.practice(evidence, messages, locale));
                    } else if (p.interventionCode() == null && p.activityKind() == null) {
                        // an intervention in free text has no follow-up row to read: "-", and why, as the page says
                        int c = values.length;
                        for (int i = 0; i < 3; i++) {
                            line.createCell(c + i).setCellValue(NONE);
                        }
                        line.createCell(c + 3).setCellValue(NOT_APPLICABLE); // not a preventive pair
                        line.createCell(c + 4).setCellValue(text(messages, "priority.practice.free-text", locale));
                    }
                }
            }
            for (int i = 0; i < 6; i++) {
                sheet.autoSizeColumn(i);
            }
            Sheet about = workbook.createSheet(text(messages, "priority.sheet.about", locale));
            List<String[]> facts = new java.util.ArrayList<>(List.of(
                    new String[] {text(messages, "priority.name", locale), list.process().name()},
                    new String[] {text(messages, "priority.version", locale), String.valueOf(list.version())},
                    new String[] {text(messages, "priority.published-at", locale), PUBLISHED.format(list.publishedAt())},
                    new String[] {text(messages, "priority.mode", locale),
                            text(messages, "priority.mode." + list.process().mode().code(), locale)},
                    new String[] {text(messages, "priority.purpose", locale), list.process().purpose()},
                    new String[] {text(messages, "priority.members", locale), list.process().members()},
                    new String[] {messages.getMessage("priority.cost-bands.label",
                            new Object[] {list.process().costBands().unit()}, locale),
                            costBands(list.process().costBands(), messages, locale)},
                    new String[] {text(messages, "priority.ethics.heading", locale), text(messages, "priority.ethics.text", locale)},
                    new String[] {messages.getMessage("priority.practice.source-label", new Object[] {practiceHeading},
                            locale), (period == null ? "" : messages.getMessage("priority.practice.source",
                            new Object[] {period.first()}, locale) + " ") + text(messages, "priority.practice.symbols",
                            locale)}));
            if (PriorityText.practiceAllHidden(practice)) {
                // the page's paragraph, so that a sheet of ".." says why
                facts.add(new String[] {messages.getMessage("priority.practice.all-hidden-label",
                        new Object[] {practiceHeading}, locale), text(messages, "priority.practice.all-hidden", locale)});
            }
            facts.add(new String[] {text(messages, "priority.practice.computed", locale), asOf == null
                    ? text(messages, "priority.practice.pending-note", locale)
                    : messages.getMessage("priority.practice.as-of", new Object[] {PUBLISHED.format(asOf)}, locale)});
            for (int i = 0; i < facts.size(); i++) {
                Row line = about.createRow(i);
                Cell key = line.createCell(0);
                key.setCellValue(facts.get(i)[0]);
                key.setCellStyle(bold);
                line.createCell(1).setCellValue(facts.get(i)[1] == null ? "" : facts.get(i)[1]);
            }
            about.autoSizeColumn(0);
            se.samsyn.shared.SpreadsheetText.neutralise(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * The cost bands' limits in words with Swedish numbers, the value beside the label "Kostnadsband
     * (kr per förbättrad klient)", so that the row reads as the list page's sentence: "låg under 50 000,
     * måttlig under 200 000, hög under 500 000, mycket hög däröver." The three limits are in the bands' unit.
     */
    static String costBands(se.samsyn.priority.CostBands bands, MessageSource messages, Locale locale) {
        List<Long> limits = bands.limits();
        return messages.getMessage("priority.cost-bands.limits", new Object[] {
                se.samsyn.shared.SwedishNumbers.count(limits.get(0)), se.samsyn.shared.SwedishNumbers.count(limits.get(1)),
                se.samsyn.shared.SwedishNumbers.count(limits.get(2))}, locale);
    }

    /** A number cell, or no cell when the value is null (the figure does not exist or is hidden). */
    private static void number(Row line, int column, Number value, CellStyle style) {
        if (value != null) {
            Cell cell = line.createCell(column);
            cell.setCellValue(value.doubleValue());
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** The value rounded half up to one decimal, as the page shows it; null stays null. */
    private static Double oneDecimal(Double value) {
        return value == null ? null : java.math.BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
