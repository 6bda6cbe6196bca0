package se.samsyn.priority.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import se.samsyn.priority.PairView;
import se.samsyn.priority.RankProposal;

/** The rule's explanations in the reader's language. */
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
}
