package se.samsyn.followup.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.internal.CountHierarchy.Count;

/**
 * Not a test: a benchmark, excluded from the normal run (surefire runs only {@code *Tests}). One
 * national needs report: 290 municipalities in 21 regions, each with one to four units of 0 to
 * about 60 clients (many small ones), 11 life areas with 5 levels and 4 goal statuses (59 items);
 * prints how long choosing the hidden cells of every scope together takes and how many cells it
 * hides. {@code -Dbenchmark.municipalities} (default 290) and {@code -Dbenchmark.seed} (default
 * 290) change the fixture. Run with {@code ./mvnw test -Dtest=CountHierarchyBenchmark}.
 *
 * <p>Then what a page pays since the hidden cells are chosen in the background and stored (V143):
 * the same report is written to an in-memory H2 database and to the tests' embedded PostgreSQL, each with the table of V143
 * ({@link PublishedCountTable#replace}, one transaction), and read back as a reader outside the
 * owning unit reads it: the first read after a refresh loads every cell, later ones check the
 * time it was counted and use the copy in memory; then one municipality's report is looked up.
 */
class CountHierarchyBenchmark {

    @Test
    void nationalNeedsReport() {
        int municipalities = Integer.getInteger("benchmark.municipalities", 290);
        Random random = new Random(Long.getLong("benchmark.seed", 290L));
        List<String> items = new ArrayList<>();
        for (int area = 1; area <= 11; area++) {
            for (int level = 0; level < 5; level++) {
                items.add(CountHierarchy.level("a" + area, level));
            }
        }
        List.of("open", "achieved", "partly-achieved", "not-achieved").forEach(s -> items.add(CountHierarchy.goal(s)));
        List<Count> leaves = new ArrayList<>();
        for (int m = 0; m < municipalities; m++) {
            String region = String.format("%02d", 1 + m % 21);
            String municipality = String.format("%04d", 100 + m);
            int units = 1 + random.nextInt(4);
            for (int u = 0; u < units; u++) {
                int clients = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(60);
                for (String item : items) {
                    int n = clients == 0 ? 0 : random.nextInt(1 + clients / 5);
                    if (n > 0) {
                        leaves.add(new Count(municipality + "-U" + u, municipality, region, item, n));
                    }
                }
            }
        }
        long start = System.nanoTime();
        CountHierarchy hierarchy = CountHierarchy.of(leaves, 5);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d municipalities, %d cells: %d hidden in %d ms%n", municipalities,
                hierarchy.counts().size(), hierarchy.hiddenCells().size(), millis);
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:count_benchmark;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        stored("H2", h2, hierarchy, items);
        String postgres = se.samsyn.TestDatabases.createDatabase("count_benchmark");
        // pooled, as the application's connections are
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl(se.samsyn.TestDatabases.jdbcUrl(postgres));
            pool.setUsername("postgres");
            pool.setPassword("postgres");
            stored("PostgreSQL", pool, hierarchy, items);
        }
    }

    /** Writes the report to V143's table and times the reads a page makes. */
    private static void stored(String database, javax.sql.DataSource h2, CountHierarchy hierarchy, List<String> items) {
        org.springframework.jdbc.datasource.init.ResourceDatabasePopulator schema =
                new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(
                        new org.springframework.core.io.ClassPathResource("db/migration/V143__followup_published_counts.sql"));
        schema.execute(h2);
        org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(h2);
        PublishedCountTable table = new PublishedCountTable(jdbc,
                new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(h2));
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.datasource.DataSourceTransactionManager(h2));
        long start = System.nanoTime();
        tx.executeWithoutResult(t -> table.replace(java.util.Map.of(PublishedCountTable.NEEDS, hierarchy), java.util.Set.of(),
                java.time.Instant.now(), 0));
        long written = System.nanoTime();
        CountHierarchy first = table.read(PublishedCountTable.NEEDS).orElseThrow().hierarchy();
        long firstRead = System.nanoTime();
        long computed = CountHierarchy.computations();
        se.samsyn.shared.Scope scope = se.samsyn.shared.Scope.municipality("0100");
        int shown = 0;
        int reads = 20;
        for (int i = 0; i < reads; i++) {
            CountHierarchy later = table.read(PublishedCountTable.NEEDS).orElseThrow().hierarchy();
            for (String item : items) {
                shown += later.hidden(scope, item) ? 0 : later.count(scope, item);
            }
        }
        long laterReads = System.nanoTime();
        if (CountHierarchy.computations() != computed || !first.hiddenCells().equals(hierarchy.hiddenCells())) {
            throw new AssertionError("a read chose hidden cells, or read other ones than were stored");
        }
        System.out.printf("%s: stored in %d ms; first read after the refresh %d ms; later reads of one municipality "
                        + "%.1f ms each (%d shown clients summed)%n", database, (written - start) / 1_000_000,
                (firstRead - written) / 1_000_000, (laterReads - firstRead) / 1e6 / reads, shown / reads);
    }
}
