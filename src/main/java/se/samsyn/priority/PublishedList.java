package se.samsyn.priority;

import java.time.Instant;
import java.util.List;

/** A published version exactly as it was published. */
public record PublishedList(long processId, int version, Instant publishedAt, String publishedBy, PriorityProcess process,
                            List<PairView> pairs) {
}
