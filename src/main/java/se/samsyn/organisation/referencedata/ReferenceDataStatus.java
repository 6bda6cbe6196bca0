package se.samsyn.organisation.referencedata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rows per reference table and the most recent loads. */
public record ReferenceDataStatus(Map<String, Integer> counts, List<Load> loads) {

    public record Load(String kind, String fileName, int rows, String loadedBy, Instant loadedAt) {
    }
}
