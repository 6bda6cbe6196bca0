package se.samsyn.knowledge;

import java.util.List;

/**
 * One hit. {@code titleHighlight} and {@code highlight} (a passage of the body or summary) are
 * HTML-escaped text in which matched words are wrapped in {@code <mark>}, or null without a match.
 */
public record Hit(String slug, String type, String title, String titleHighlight, String summary, String publisher, String evidence,
                  List<String> focusAreas, List<String> targetGroups, String highlight, float score) {
}
