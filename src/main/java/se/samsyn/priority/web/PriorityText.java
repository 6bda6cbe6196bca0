package se.samsyn.priority.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import se.samsyn.followup.PublishedYears;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.RankProposal;
import se.samsyn.shared.SwedishNumbers;

/** The rule's explanations and the practice figures in the reader's language, for pages and files alike. */
final class PriorityText {

    private PriorityText() {
    }

    static String explain(RankProposal proposal, MessageSource messages, Locale locale) {
        return proposal.explanation((key, args) -> messages.getMessage(key, args, key, locale));
    }

    static Map<Long, String> explanations(List<PairView> pairs, MessageSource messages, Locale locale) {
        Map<Long, String> result = new LinkedHashMap<>();
        pairs.forEach(p -> result.put(p.pair().id(), explain(p.proposal(), messages, locale)));
        return result;
    }

    /**
     * The heading of the practice figures, naming their period in words: "Praktiken i riket,
     * kalenderåret 2025" ({@code priority.practice.heading}), or over several years
     * {@code priority.practice.heading-years}; plain "Praktiken" when the period is not known.
     */
    static String practiceHeading(PublishedYears period, MessageSource messages, Locale locale) {
        if (period == null) {
            return messages.getMessage("priority.practice", null, locale);
        }
        return period.first() == period.last()
                ? messages.getMessage("priority.practice.heading", new Object[] {String.valueOf(period.first())}, locale)
                : messages.getMessage("priority.practice.heading-years",
                        new Object[] {String.valueOf(period.first()), String.valueOf(period.last())}, locale);
    }

    /**
     * Whether the practice figures are hidden for every pair that has any: some pair's figures are
     * hidden and no pair shows a number of clients. The page, the print view and the workbook then
     * say why in words ({@code priority.practice.all-hidden}), not only ".." on every pair.
     *
     * @param practice the pairs' practice figures by pair id, as {@code PriorityProcesses#practice} gives them
     */
    static boolean practiceAllHidden(Map<Long, PracticeEvidence> practice) {
        return practice.values().stream().anyMatch(PracticeEvidence::suppressed)
                && practice.values().stream().allMatch(e -> e.clients() == null);
    }

    /**
     * When the practice figures were computed, into the model: {@code practiceAsOf} (an instant, the
     * time the clients of the nation's stored outcome reports were read), or {@code practicePending}
     * true before the first background computation; to be called before the figures are read, so that
     * they are at least as fresh as the page says.
     */
    static void practiceAsOf(org.springframework.ui.Model model, se.samsyn.priority.PriorityProcesses processes) {
        java.util.Optional<java.time.Instant> asOf = processes.practiceAsOf();
        model.addAttribute("practiceAsOf", asOf.orElse(null));
        model.addAttribute("practicePending", asOf.isEmpty());
    }

    /**
     * One pair's practice figures as the page shows them (the {@code practice} fragment of
     * {@code priority/fragments.html}): the figures, or ".." when they are hidden, or that they are
     * not computed yet, or that there is no follow-up; then the large-gap flag or the too-few note. Parts are joined by a space.
     */
    static String practice(PracticeEvidence evidence, MessageSource messages, Locale locale) {
        List<String> parts = new java.util.ArrayList<>();
        if (evidence.suppressed()) {
            parts.add(messages.getMessage("priority.practice.suppressed", null, locale));
        }
        if (evidence.verdict() == PracticeEvidence.Verdict.PENDING) {
            parts.add(messages.getMessage("priority.practice.pending", null, locale));
        } else if (!evidence.suppressed() && evidence.clients() == null && evidence.reached() == null) {
            parts.add(messages.getMessage("priority.practice.none", null, locale));
        }
        if (evidence.reached() != null) {
            parts.add(messages.getMessage("priority.practice.reached", new Object[] {evidence.reached()}, locale));
        }
        if (evidence.clients() != null && evidence.reached() == null) {
            parts.add(messages.getMessage("priority.practice.figures", new Object[] {evidence.clients(),
                    SwedishNumbers.decimal(evidence.medianChange(), 1),
                    // withheld beside a shown n: 0 % or 100 % of fewer than 2t clients (ADR 0015)
                    evidence.shareImproved() == null ? ".." : SwedishNumbers.decimal(evidence.shareImproved(), 1)},
                    locale));
        }
        if (evidence.clients() != null && evidence.reached() != null) {
            parts.add(messages.getMessage("priority.practice.anonymous", new Object[] {evidence.clients(),
                    // withheld beside shown pairs: 0 % or 100 % of 5 to 9 pairs (ADR 0015)
                    evidence.shareImproved() == null ? ".." : SwedishNumbers.decimal(evidence.shareImproved(), 1)},
                    locale));
        }
        if (evidence.verdict().large()) {
            parts.add(messages.getMessage("priority.gap." + evidence.verdict().code(), null, locale));
        }
        if (evidence.verdict() == PracticeEvidence.Verdict.TOO_FEW) {
            parts.add(messages.getMessage("priority.gap.too-few", null, locale));
        }
        return String.join(" ", parts);
    }
}
