package se.samsyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * ADR 3 and ADR 10 on the migrated schema and in the SQL: no foreign key crosses a module prefix,
 * a view reads only tables of its own prefix, a module's SQL names only its own tables and the
 * read views other modules publish, and each migration from V66 on touches the tables of the one module its file name names.
 * The schema is migrated from scratch on H2 (PostgreSQL mode) and on PostgreSQL.
 */
class SchemaBoundaryTests {

    /** The module prefixes (ADR 3): the text before the first underscore of a table name. */
    static final Set<String> PREFIXES = Set.of("org", "idn", "aud", "cls", "fup", "cmp", "kg", "prio", "cpt", "prv", "trl");

    /** Each module's own prefix, by the module's package under se.samsyn. */
    static final Map<String, String> MODULE_PREFIX = Map.ofEntries(Map.entry("organisation", "org"),
            Map.entry("identity", "idn"), Map.entry("audit", "aud"), Map.entry("cluster", "cls"),
            Map.entry("followup", "fup"), Map.entry("comparison", "cmp"), Map.entry("knowledge", "kg"),
            Map.entry("priority", "prio"), Map.entry("competence", "cpt"), Map.entry("prevention", "prv"),
            Map.entry("trials", "trl"));

    /** Read views a module publishes for other modules' SQL: organisation's org_v_*, follow-up's fup_fact_*, competence's cpt_fact_*, prevention's prv_fact_*. */
    static final Pattern PUBLISHED = Pattern.compile("org_v_[a-z0-9_]+|fup_fact_[a-z0-9_]+|cpt_fact_[a-z0-9_]+|prv_fact_[a-z0-9_]+");

    /**
     * Migrations before the rule was checked that touch more than one module's tables, or another
     * module's tables than the one their file name names ({@code V<n>__<module>_…}). They are
     * applied in deployed databases and Flyway's checksums forbid editing them (ADR 10).
     */
    static final Set<Integer> HISTORICAL = Set.of(
            4,   // followup: fup_client's foreign key into org_unit (dropped again by V76)
            8,   // kolada: comparison's tables under a sub-area's name
            11,  // knowledge_followup_links: alters follow-up's catalogue tables
            31); // guide_links: alters comparison's and follow-up's tables

    static final Pattern NAME = Pattern.compile("\\b(" + String.join("|", PREFIXES) + ")_[a-z0-9_]*[a-z0-9]\\b");

    @Test
    void h2SchemaKeepsModulesApart() throws SQLException {
        String url = "jdbc:h2:mem:schema_boundary;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            check(c, "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public'");
        }
    }

    @Test
    void postgresSchemaKeepsModulesApart() throws SQLException {
        String url = TestDatabases.jdbcUrl(TestDatabases.createDatabase("schema_boundary"));
        Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            check(c, "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = 'public'");
        }
    }

    private static void check(Connection c, String views) throws SQLException {
        Set<String> tables = new TreeSet<>();
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(c.getCatalog(), "public", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables).contains("org_unit", "fup_client", "cmp_result");
        List<String> crossing = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String table : tables) {
            try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), "public", table)) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    keys.add(table + " -> " + target);
                    if (!prefix(target).equals(prefix(table))) {
                        crossing.add(table + " -> " + target);
                    }
                }
            }
        }
        assertThat(keys).as("keys within a module are seen").contains("fup_episode -> fup_client", "org_unit -> org_municipality");
        assertThat(crossing).as("foreign keys across module prefixes").isEmpty();

        Map<String, String> definitions = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(views)) {
            while (rs.next()) {
                definitions.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(definitions).containsKeys("org_v_municipality", "org_v_municipality_group", "org_v_population",
                "fup_fact_episode");
        List<String> reaching = new ArrayList<>();
        definitions.forEach((view, definition) -> {
            for (String table : tables) {
                if (Pattern.compile("\\b" + table + "\\b").matcher(definition).find() && !prefix(table).equals(prefix(view))) {
                    reaching.add(view + " reads " + table);
                }
            }
        });
        assertThat(reaching).as("views that read another module's tables").isEmpty();
    }

    @Test
    void eachModulesSqlNamesOnlyItsOwnTablesAndPublishedViews() throws IOException {
        List<String> reaching = new ArrayList<>();
        for (Map.Entry<String, String> module : MODULE_PREFIX.entrySet()) {
            Path root = Path.of("src/main/java/se/samsyn", module.getKey());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String literal : literals(Files.readString(file, StandardCharsets.UTF_8))) {
                        Matcher m = NAME.matcher(literal);
                        while (m.find()) {
                            if (!m.group(1).equals(module.getValue()) && !PUBLISHED.matcher(m.group()).matches()) {
                                reaching.add(root.relativize(file) + " in " + module.getKey() + " names " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertThat(reaching).as("SQL naming another module's tables").isEmpty();
    }

    @Test
    void eachMigrationFromV66TouchesOneModule() throws IOException {
        Map<Integer, Set<String>> touched = new TreeMap<>();
        Map<Integer, String> owner = new TreeMap<>();
        for (Path folder : List.of(Path.of("src/main/resources/db/migration"), Path.of("src/main/java/db/migration"),
                Path.of("src/main/resources/db/vendor/h2"), Path.of("src/main/resources/db/vendor/postgresql"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Matcher version = Pattern.compile("^V(\\d+)__([a-z]+)").matcher(file.getFileName().toString());
                    if (version.find()) {
                        String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                        String sql = file.toString().endsWith(".java") ? String.join("\n", literals(text))
                                : text.replaceAll("--[^\n]*", "");
                        Set<String> prefixes = new TreeSet<>();
                        Matcher m = NAME.matcher(sql);
                        while (m.find()) {
                            prefixes.add(m.group(1));
                        }
                        touched.put(Integer.parseInt(version.group(1)), prefixes);
                        owner.put(Integer.parseInt(version.group(1)), MODULE_PREFIX.getOrDefault(version.group(2), version.group(2)));
                    }
                }
            }
        }
        assertThat(touched).containsKeys(75, 76);
        assertThat(touched.get(75)).containsExactly("org");
        List<String> mixed = new ArrayList<>();
        touched.forEach((version, prefixes) -> {
            boolean foreign = prefixes.size() > 1 || !prefixes.isEmpty() && !prefixes.contains(owner.get(version));
            if (foreign && !HISTORICAL.contains(version)) {
                mixed.add("V" + version + " (" + owner.get(version) + ") touches " + prefixes);
            }
        });
        assertThat(mixed).as("migrations touching more than one module's tables").isEmpty();
        assertThat(HISTORICAL).as("historical exceptions are all before V66").allMatch(v -> v < 66);
        assertThat(HISTORICAL).as("every historical exception still breaks the rule")
                .allMatch(v -> touched.get(v).size() > 1 || !touched.get(v).contains(owner.get(v)));
    }

    /** The string literals and text blocks of a Java source, comments left out. */
    static List<String> literals(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        List<String> literals = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\n])*)\"").matcher(code);
        while (m.find()) {
            literals.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return literals;
    }

    private static String prefix(String table) {
        int underscore = table.indexOf('_');
        return underscore < 0 ? table : table.substring(0, underscore);
    }
}
