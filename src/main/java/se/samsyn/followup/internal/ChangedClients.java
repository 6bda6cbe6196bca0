package se.samsyn.followup.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import se.samsyn.followup.FollowupDataChanged;

/**
 * Which clients' follow-up data changed since the stored outcomes counted them
 * ({@code fup_outcome_changed_client}, V154), so that a refresh rewrites only what those clients
 * contribute to the stored calendar-year and practice outcomes ({@link ClientPairs}). Every write
 * of follow-up data through the application (a record, a correction or removal, an import)
 * records its clients here, by client id, in the same transaction as the write, and announces
 * the change ({@link FollowupDataChanged} with {@code clientsRecorded}); data written any other
 * way (bulk SQL, found by the comparison's recount) is announced without clients and rebuilds
 * the whole municipality.
 *
 * <p>Which municipalities' pairs are complete is kept too ({@code fup_outcome_pair_municipality}):
 * only a municipality rebuilt since V154 has a stored pair for every client its histograms count,
 * and only such a municipality may be refreshed client by client.
 */
@Component
class ChangedClients {

    /**
     * The condition on a table's {@code municipality_code} and {@code client_id} (the stored pairs,
     * the interventions) that selects one chunk of the claimed changed clients
     * ({@link #claimedChunks}) of the municipalities {@code :partial}: the caller binds both named
     * parameters, {@code :ids} to the chunk. On the stored pairs it is their primary key's prefix;
     * on the interventions PostgreSQL reads the client-id index. The clients are named by their
     * ids, not by a semi-join on {@code fup_outcome_changed_client}: with no statistics on the
     * changed clients PostgreSQL planned the semi-join as a nested loop rescanning them once per
     * measurement row (45 s at 5,000,000 measurements), and a pairing driven from the
     * interventions alone still read every measurement of the municipalities (5.5 s at
     * 25,000,000).
     */
    static final String CHUNK = "municipality_code IN (:partial) AND client_id IN (:ids)";

    /**
     * The claimed changed clients of the municipalities (after {@link #claim}), each once, in
     * ascending order and in chunks of at most 1,000 ids, for {@link #CHUNK}; empty when none.
     */
    List<List<Long>> claimedChunks(Collection<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("""
                SELECT DISTINCT client_id FROM fup_outcome_changed_client
                WHERE claimed AND municipality_code IN (:codes) ORDER BY client_id""")
                .param("codes", List.copyOf(municipalityCodes)).query(Long.class).list();
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK_SIZE) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK_SIZE)));
        }
        return chunks;
    }

    /** Client ids per statement (an import may touch tens of thousands). */
    private static final int CHUNK_SIZE = 1000;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ChangedClients(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records that the follow-up data of these clients (ids of {@code fup_client}) of a municipality
     * changed and announces it, in the caller's transaction.
     *
     * @param municipalityCode such as {@code 1280}
     * @param clientIds        the changed clients; none announces the change as of unknown clients
     */
    void announce(String municipalityCode, Collection<Long> clientIds) {
        List<Long> ids = List.copyOf(new TreeSet<>(clientIds));
        for (int from = 0; from < ids.size(); from += CHUNK_SIZE) {
            jdbc.sql("""
                    INSERT INTO fup_outcome_changed_client (municipality_code, client_id)
                    SELECT :municipality, id FROM fup_client WHERE id IN (:ids)""")
                    .param("municipality", municipalityCode)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK_SIZE))).update();
        }
        events.publishEvent(new FollowupDataChanged(municipalityCode, !clientIds.isEmpty()));
    }

    /**
     * Claims the recorded changes of the municipalities for this transaction's refresh: rows
     * committed later stay for the next one. Called after the refresh's lock
     * ({@code fup_practice_window_built}), so two refreshes never claim or count the same rows.
     */
    void claim(Collection<String> municipalityCodes) {
        if (!municipalityCodes.isEmpty()) {
            jdbc.sql("UPDATE fup_outcome_changed_client SET claimed = TRUE WHERE municipality_code IN (:codes) AND NOT claimed")
                    .param("codes", List.copyOf(municipalityCodes)).update();
        }
    }

    /** Claims every recorded change (a rebuild of everything covers them all). */
    void claimAll() {
        jdbc.sql("UPDATE fup_outcome_changed_client SET claimed = TRUE WHERE NOT claimed").update();
    }

    /** Removes the claimed rows: their clients' pairs are current in this transaction. */
    void release() {
        jdbc.sql("DELETE FROM fup_outcome_changed_client WHERE claimed").update();
    }

    /** Those of the municipalities whose stored pairs are complete (rebuilt since V154), sorted. */
    Set<String> complete(Collection<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return new TreeSet<>();
        }
        return new TreeSet<>(jdbc.sql("SELECT municipality_code FROM fup_outcome_pair_municipality WHERE municipality_code IN (:codes)")
                .param("codes", List.copyOf(municipalityCodes)).query(String.class).list());
    }

    /** Marks the municipalities' pairs complete (after their rebuild, in its transaction). */
    void markComplete(Collection<String> municipalityCodes) {
        if (!municipalityCodes.isEmpty()) {
            List<String> codes = List.copyOf(municipalityCodes);
            jdbc.sql("DELETE FROM fup_outcome_pair_municipality WHERE municipality_code IN (:codes)").param("codes", codes)
                    .update();
            for (String code : codes) {
                jdbc.sql("INSERT INTO fup_outcome_pair_municipality (municipality_code) VALUES (:code)").param("code", code)
                        .update();
            }
        }
    }

    /** Marks every municipality's pairs complete (after a rebuild of everything). */
    void markAllComplete() {
        jdbc.sql("DELETE FROM fup_outcome_pair_municipality").update();
        jdbc.sql("""
                INSERT INTO fup_outcome_pair_municipality (municipality_code)
                SELECT code FROM org_v_municipality""").update();
    }
}
