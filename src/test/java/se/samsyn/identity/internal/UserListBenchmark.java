package se.samsyn.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.ScaleTiming;
import se.samsyn.TestDatabases;
import se.samsyn.identity.AccountPage;
import se.samsyn.identity.AccountQuery;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.UserAccount;
import se.samsyn.organisation.Municipality;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Not a test: a benchmark of the account list at two sizes ten times apart (issue 19, point 4), on
 * PostgreSQL. It writes {@code benchmark.users} accounts (and ten times as many) spread over the
 * 290 municipalities with {@code COPY}, then times pages of {@link Accounts#page} as a national and
 * as a municipal administrator, each answer compared with the page computed from how the accounts
 * were generated. Prints the median of {@code benchmark.runs} runs (at least 3) and the ratio
 * large/small. Run with {@code ./mvnw test -Dtest=UserListBenchmark -Dbenchmark.users=10000}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/benchmark-data", "samsyn.kolada.load-sample=false",
                "logging.level.se.samsyn=WARN"})
class UserListBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "user_list_scale");
    }

    @Autowired
    Accounts accounts;

    @Autowired
    Organisation organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** The smaller size; the larger is ten times as many. */
    int smallSize() {
        return Integer.getInteger("benchmark.users", 10_000);
    }

    int runs() {
        return Math.max(3, Integer.getInteger("benchmark.runs", 15));
    }

    static final Actor NATION = new Actor("bench-admin", Role.ADMINISTRATOR, Scope.nation());
    static final Actor MALMO = new Actor("malmo-admin", Role.ADMINISTRATOR, Scope.municipality("1280"));

    @Test
    void pagesDoNotGrowWithTheCountry() throws Exception {
        int small = smallSize();
        double[] s = measure(small);
        double[] l = measure(small * 10);
        System.out.println();
        System.out.println("=== User list benchmark (PostgreSQL, " + ScaleTiming.count(small) + " and "
                + ScaleTiming.count(small * 10L) + " accounts, median of " + runs() + ") ===");
        String[] names = {"nation, first page", "nation, page 11", "municipality 1280, first", "nation, role filter",
                "nation, username search"};
        for (int i = 0; i < names.length; i++) {
            System.out.println(ScaleTiming.line(names[i], s[i], l[i]));
        }
    }

    double[] measure(int users) throws Exception {
        List<String> municipalities = organisation.municipalities().stream().map(Municipality::code).sorted().toList();
        writeAccounts(users, municipalities);
        int m = municipalities.size();
        int runs = runs();
        List<String> all = new ArrayList<>();
        List<String> malmo = new ArrayList<>();
        List<String> analysts = new ArrayList<>();
        List<String> search = new ArrayList<>();
        String needle = name(users / 2).substring(0, 7);
        for (int i = 1; i <= users; i++) {
            all.add(name(i));
            if (municipalities.get(i % m).equals("1280")) {
                malmo.add(name(i));
            }
            if (i % 2 == 1) {
                analysts.add(name(i));
            }
            if (name(i).contains(needle)) {
                search.add(name(i));
            }
        }
        return new double[] {
            time(runs, NATION, new AccountQuery(null, null, 0, 50), all.subList(0, 50), true),
            time(runs, NATION, new AccountQuery(null, null, 10, 50), all.subList(500, 550), true),
            time(runs, MALMO, new AccountQuery(null, null, 0, 50), malmo.subList(0, Math.min(50, malmo.size())),
                    malmo.size() > 50),
            time(runs, NATION, new AccountQuery(null, Role.MUNICIPAL_ANALYST, 0, 50), analysts.subList(0, 50), true),
            time(runs, NATION, new AccountQuery(needle.toUpperCase(Locale.ROOT), null, 0, 50),
                    search.subList(0, Math.min(50, search.size())), search.size() > 50)};
    }

    double time(int runs, Actor admin, AccountQuery query, List<String> expected, boolean more) {
        return ScaleTiming.medianMillis(runs, () -> accounts.page(admin, query), (AccountPage page) -> {
            List<String> names = page.accounts().stream().map(UserAccount::username).toList();
            if (!names.equals(expected) || page.hasNext() != more) {
                throw new AssertionError("Wrong page for " + admin.scope() + " " + query + ": " + names
                        + " (next " + page.hasNext() + "), expected " + expected + " (next " + more + ")");
            }
        });
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "u%07d", i);
    }

    /**
     * Replaces every account by {@code users} accounts {@code u0000001} …: account i in the
     * municipality {@code i mod 290} of the sorted codes, a municipal analyst when i is odd and a
     * social director when even; then {@code VACUUM ANALYZE}.
     */
    void writeAccounts(int users, List<String> municipalities) throws Exception {
        jdbc.sql("DELETE FROM idn_api_token").update();
        jdbc.sql("DELETE FROM idn_user").update();
        try (Connection c = dataSource.getConnection()) {
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY idn_user (username, password_hash, role, scope_type, scope_code, created_at, created_by)
                    FROM STDIN""");
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= users; i++) {
                batch.append(name(i)).append("\t{argon2}not-a-real-hash\t")
                        .append(i % 2 == 1 ? "MUNICIPAL_ANALYST" : "SOCIAL_DIRECTOR").append("\tMUNICIPALITY\t")
                        .append(municipalities.get(i % municipalities.size()))
                        .append("\t2026-01-01T00:00:00Z\tbenchmark\n");
                if (i % 10_000 == 0 || i == users) {
                    byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    batch.setLength(0);
                }
            }
            copy.endCopy();
        }
        jdbc.sql("VACUUM ANALYZE idn_user").update();
    }
}
