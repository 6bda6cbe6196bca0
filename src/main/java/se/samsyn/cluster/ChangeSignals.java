package se.samsyn.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells every instance that shared data it keeps in memory has changed, so that a change made on
 * one instance reaches the caches and search index of all of them.
 *
 * <p>A topic (for example {@code "reference-data"} or {@code "knowledge-guide"}) is a row in
 * {@code cls_signal} with a generation number. {@link #raise(String)} adds one to it inside the
 * caller's transaction, so the signal commits or rolls back with the change itself. Every instance
 * reads the generations every {@code samsyn.cluster.signal-interval} (default 2 s) and runs the
 * actions registered with {@link #onChange(String, Runnable)} for each topic whose generation
 * moved, on the instance that raised it as on the others. An instance therefore sees another's
 * change within one interval plus the time its action takes.
 */
@Component
public class ChangeSignals {

    private static final Logger log = LoggerFactory.getLogger(ChangeSignals.class);

    private final JdbcClient jdbc;
    private final Map<String, List<Runnable>> actions = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    ChangeSignals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks {@code topic} as changed, in the caller's transaction (or its own when there is none).
     *
     * @param topic lower-case topic name, at most 64 characters
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void raise(String topic) {
        if (bump(topic) == 0
                && jdbc.sql("INSERT INTO cls_signal (topic, generation, raised_at) VALUES (:topic, 1, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING")
                        .param("topic", topic).update() == 0) {
            bump(topic); // another transaction created the row a moment ago
        }
    }

    /**
     * Registers an action to run on this instance whenever {@code topic} is raised anywhere. The
     * action runs on the polling thread and should be quick or hand its work on.
     */
    public void onChange(String topic, Runnable action) {
        actions.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(action);
        seen.computeIfAbsent(topic, this::generation);
    }

    /** Reads every topic's generation and runs the actions of those that moved since the last look. */
    @Scheduled(fixedDelayString = "${samsyn.cluster.signal-interval:2s}", initialDelayString = "${samsyn.cluster.signal-interval:2s}")
    public void poll() {
        if (actions.isEmpty()) {
            return;
        }
        Map<String, Long> now = new java.util.HashMap<>();
        jdbc.sql("SELECT topic, generation FROM cls_signal")
                .query((rs, n) -> now.put(rs.getString(1), rs.getLong(2))).list();
        actions.forEach((topic, list) -> {
            long current = now.getOrDefault(topic, 0L);
            Long before = seen.put(topic, current);
            if (before != null && before != current) {
                for (Runnable action : list) {
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        log.error("Action for change signal {} failed; it runs again at the next change", topic, e);
                    }
                }
            }
        });
    }

    private int bump(String topic) {
        return jdbc.sql("UPDATE cls_signal SET generation = generation + 1, raised_at = CURRENT_TIMESTAMP WHERE topic = :topic")
                .param("topic", topic).update();
    }

    private long generation(String topic) {
        return jdbc.sql("SELECT generation FROM cls_signal WHERE topic = :topic").param("topic", topic)
                .query(Long.class).optional().orElse(0L);
    }
}
