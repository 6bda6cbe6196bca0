package se.samsyn.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.UserAccount;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.shared.StartRefused;

/** The first national administrator from the start-up settings, and the own-password change, on both databases. */
abstract class FirstAdministratorTests {

    @Autowired
    FirstAdministrator firstAdministrator;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noAccounts() {
        jdbc.sql("DELETE FROM idn_api_token").update();
        jdbc.sql("DELETE FROM idn_user").update();
    }

    @Test
    void createsANationalAdministratorWhoMustChangeThePasswordWhenNoneExists() {
        assertThat(firstAdministrator.bootstrap(" first-admin ", "first-password-1"))
                .isEqualTo(FirstAdministrator.Outcome.CREATED);

        var row = jdbc.sql("""
                SELECT id, role, scope_type, scope_code, enabled, password_change_required, created_by, password_hash
                FROM idn_user WHERE username = 'first-admin'""").query().singleRow();
        assertThat(row.get("role")).isEqualTo("ADMINISTRATOR");
        assertThat(row.get("scope_type")).isEqualTo("NATION");
        assertThat(row.get("enabled")).isEqualTo(true);
        assertThat(row.get("password_change_required")).isEqualTo(true);
        assertThat(row.get("created_by")).isEqualTo("system");
        assertThat((String) row.get("password_hash")).startsWith("{argon2}").doesNotContain("first-password-1");
        assertThat(passwords.matches("first-password-1", (String) row.get("password_hash"))).isTrue();

        var audit = jdbc.sql("SELECT actor, category, details FROM aud_event WHERE action = 'USER_CREATED' "
                        + "AND seq = (SELECT MAX(seq) FROM aud_event)").query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("system");
        assertThat(audit.get("category")).isEqualTo("SECURITY");
        assertThat((String) audit.get("details")).contains("username=first-admin", "role=ADMINISTRATOR",
                "password change required").doesNotContain("first-password-1");
        assertThat(accounts.passwordChangeRequired("first-admin")).isTrue();
    }

    @Test
    void ignoresTheSettingsOnceAnActiveNationalAdministratorExists() {
        firstAdministrator.bootstrap("first-admin", "first-password-1");
        String hash = passwordHash("first-admin");

        assertThat(firstAdministrator.bootstrap("second-admin", "second-password-2"))
                .isEqualTo(FirstAdministrator.Outcome.IGNORED);
        assertThat(firstAdministrator.bootstrap("first-admin", "another-password-3"))
                .isEqualTo(FirstAdministrator.Outcome.IGNORED);
        // even a password that breaks the rules is not looked at once an administrator exists
        assertThat(firstAdministrator.bootstrap("first-admin", "short")).isEqualTo(FirstAdministrator.Outcome.IGNORED);

        assertThat(jdbc.sql("SELECT username FROM idn_user").query(String.class).list()).containsExactly("first-admin");
        assertThat(passwordHash("first-admin")).isEqualTo(hash);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE details LIKE '%second-admin%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aNationalAdministratorCreatedByDemoOrByHandAlsoCounts() {
        accounts.provision("demo-admin", "demo-password", Role.ADMINISTRATOR, Scope.nation());
        assertThat(firstAdministrator.bootstrap("first-admin", "first-password-1"))
                .isEqualTo(FirstAdministrator.Outcome.IGNORED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idn_user WHERE username = 'first-admin'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void aMunicipalAdministratorOrADisabledOneDoesNotCount() {
        account("malmo-admin", Role.ADMINISTRATOR, "MUNICIPALITY", "1280", true);
        account("old-admin", Role.ADMINISTRATOR, "NATION", Scope.NATION_CODE, false);
        assertThat(firstAdministrator.bootstrap("first-admin", "first-password-1"))
                .isEqualTo(FirstAdministrator.Outcome.CREATED);
    }

    @Test
    void refusesAPasswordThatBreaksTheAccountRulesWithoutShowingIt() {
        assertThatThrownBy(() -> firstAdministrator.bootstrap("first-admin", "short-pw"))
                .isInstanceOfSatisfying(StartRefused.class, e -> {
                    assertThat(e.description()).isEqualTo("SAMSYN_ADMIN_PASSWORD breaks the account password rules: "
                            + "at least 10 and at most 200 characters, not only spaces.");
                    assertThat(e.description() + e.action()).doesNotContain("short-pw");
                });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idn_user").query(Integer.class).single()).isZero();
    }

    @Test
    void refusesABadUsernameAndHalfTheSettings() {
        assertThatThrownBy(() -> firstAdministrator.bootstrap("198001011234", "first-password-1"))
                .isInstanceOfSatisfying(StartRefused.class,
                        e -> assertThat(e.description()).startsWith("SAMSYN_ADMIN_USERNAME breaks the account rules"));
        assertThatThrownBy(() -> firstAdministrator.bootstrap("first-admin", ""))
                .isInstanceOfSatisfying(StartRefused.class, e -> assertThat(e.description())
                        .isEqualTo("Only one of SAMSYN_ADMIN_USERNAME and SAMSYN_ADMIN_PASSWORD is set; "
                                + "the first national administrator needs both."));
        assertThat(firstAdministrator.bootstrap("", "")).isEqualTo(FirstAdministrator.Outcome.NOT_CONFIGURED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idn_user").query(Integer.class).single()).isZero();
    }

    @Test
    void refusesAUsernameTakenByAnAccountThatIsNotANationalAdministrator() {
        account("first-admin", Role.CASE_WORKER, "UNIT", "1280-IFO-BU", true);
        assertThatThrownBy(() -> firstAdministrator.bootstrap("first-admin", "first-password-1"))
                .isInstanceOfSatisfying(StartRefused.class, e -> assertThat(e.description())
                        .contains("names an existing account ('first-admin')"));
        assertThat(jdbc.sql("SELECT role FROM idn_user WHERE username = 'first-admin'").query(String.class).single())
                .isEqualTo("CASE_WORKER");
    }

    @Test
    void twoInstancesStartingAtOnceCreateOneAdministrator() throws Exception {
        long before = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM aud_event").query(Long.class).single();
        CountDownLatch start = new CountDownLatch(1);
        Callable<FirstAdministrator.Outcome> instance = () -> {
            start.await();
            return firstAdministrator.bootstrap("first-admin", "first-password-1");
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<FirstAdministrator.Outcome>> outcomes = List.of(pool.submit(instance), pool.submit(instance));
            start.countDown();
            assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get()))
                    .containsExactlyInAnyOrder(FirstAdministrator.Outcome.CREATED, FirstAdministrator.Outcome.IGNORED);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idn_user WHERE role = 'ADMINISTRATOR'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'USER_CREATED' AND seq > :before")
                .param("before", before).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void changingTheOwnPasswordChecksItAndEndsTheRequiredChange() {
        firstAdministrator.bootstrap("first-admin", "first-password-1");
        Actor admin = new Actor("first-admin", Role.ADMINISTRATOR, Scope.nation());

        assertRejected(() -> accounts.changeOwnPassword(admin, "wrong-password", "new-password-22", "new-password-22"),
                "currentPassword", "password.error.current");
        assertRejected(() -> accounts.changeOwnPassword(admin, "first-password-1", "short", "short"),
                "newPassword", "account.error.password");
        assertRejected(() -> accounts.changeOwnPassword(admin, "first-password-1", "first-password-1", "first-password-1"),
                "newPassword", "password.error.same");
        assertRejected(() -> accounts.changeOwnPassword(admin, "first-password-1", "new-password-22", "new-password-2"),
                "confirmation", "password.error.confirmation");
        assertThat(accounts.passwordChangeRequired("first-admin")).isTrue();
        assertThat(jdbc.sql("SELECT details FROM aud_event WHERE action = 'PASSWORD_CHANGE_FAILED' AND actor = 'first-admin' "
                        + "AND seq > (SELECT MAX(seq) FROM aud_event WHERE action = 'USER_CREATED') ORDER BY seq")
                .query(String.class).list()).containsExactly("field=currentPassword", "field=newPassword",
                "field=newPassword", "field=confirmation");

        accounts.changeOwnPassword(admin, "first-password-1", "new-password-22", "new-password-22");
        assertThat(accounts.passwordChangeRequired("first-admin")).isFalse();
        assertThat(passwords.matches("new-password-22", passwordHash("first-admin"))).isTrue();
        assertThat(jdbc.sql("SELECT details FROM aud_event WHERE action = 'PASSWORD_CHANGED' AND actor = 'first-admin' "
                        + "AND seq > (SELECT MAX(seq) FROM aud_event WHERE action = 'USER_CREATED')")
                .query(String.class).single()).isEqualTo("reason=required-change-done");
    }

    @Test
    void anAdministratorCanRequireAPasswordChangeOfAnAccountInScope() {
        firstAdministrator.bootstrap("first-admin", "first-password-1");
        Actor admin = new Actor("first-admin", Role.ADMINISTRATOR, Scope.nation());
        UserAccount analyst = accounts.create(admin, "some-analyst", "analyst-password", Role.NATIONAL_ANALYST,
                Scope.nation());
        assertThat(accounts.passwordChangeRequired("some-analyst")).isFalse();
        accounts.requirePasswordChange(admin, analyst.id());
        assertThat(accounts.passwordChangeRequired("some-analyst")).isTrue();
        assertThat(jdbc.sql("SELECT actor FROM aud_event WHERE action = 'USER_PASSWORD_CHANGE_REQUIRED' "
                        + "AND seq = (SELECT MAX(seq) FROM aud_event)").query(String.class).single()).isEqualTo("first-admin");
    }

    /** An account written directly, so that no reference data or unit is needed. */
    private void account(String username, Role role, String scopeType, String scopeCode, boolean enabled) {
        jdbc.sql("""
                INSERT INTO idn_user (username, password_hash, role, scope_type, scope_code, enabled, failed_logins,
                                      created_at, created_by)
                VALUES (:username, 'x', :role, :scopeType, :scopeCode, :enabled, 0, CURRENT_TIMESTAMP, 'test')""")
                .param("username", username).param("role", role.name()).param("scopeType", scopeType)
                .param("scopeCode", scopeCode).param("enabled", enabled).update();
    }

    private String passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM idn_user WHERE username = :u").param("u", username)
                .query(String.class).single();
    }

    private static void assertRejected(Runnable call, String field, String key) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AccountRejected.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }
}
