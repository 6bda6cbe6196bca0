package se.samsyn.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.identity.AccountNotFound;
import se.samsyn.identity.AccountPage;
import se.samsyn.identity.AccountQuery;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.ApiTokens;
import se.samsyn.identity.CreatedToken;
import se.samsyn.identity.UserAccount;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Accounts and tokens against both databases, through the application services. */
abstract class AccountsAndTokensTests {

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    se.samsyn.organisation.Units units;

    final Actor nationAdmin = new Actor("root-admin", Role.ADMINISTRATOR, Scope.nation());
    final Actor malmoAdmin = new Actor("malmo-admin", Role.ADMINISTRATOR, Scope.municipality("1280"));

    @Test
    void storesOnlyAnArgon2HashOfThePassword() {
        UserAccount created = accounts.create(nationAdmin, "hash-check", "a-long-password", Role.NATIONAL_ANALYST,
                Scope.nation());
        String stored = jdbc.sql("SELECT password_hash FROM idn_user WHERE id = :id").param("id", created.id())
                .query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain("a-long-password");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM aud_event WHERE action = 'USER_CREATED' AND object_id = :id")
                .param("id", String.valueOf(created.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMunicipalAdministratorSeesAndChangesOnlyAccountsInTheMunicipality() {
        UserAccount inMalmo = accounts.create(nationAdmin, "malmo-director", "a-long-password", Role.SOCIAL_DIRECTOR,
                Scope.municipality("1280"));
        UserAccount inLund = accounts.create(nationAdmin, "lund-director", "a-long-password", Role.SOCIAL_DIRECTOR,
                Scope.municipality("1281"));
        assertThat(accounts.list(malmoAdmin)).extracting(UserAccount::username)
                .contains("malmo-director").doesNotContain("lund-director");
        assertThatThrownBy(() -> accounts.change(malmoAdmin, inLund.id(), Role.MUNICIPAL_ANALYST,
                Scope.municipality("1281"), true)).isInstanceOf(AccountNotFound.class);
        assertThatThrownBy(() -> accounts.change(malmoAdmin, inMalmo.id(), Role.SOCIAL_DIRECTOR,
                Scope.municipality("1281"), true))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("account.error.scope-outside"));
        assertThat(accounts.get(nationAdmin, inMalmo.id()).scope()).isEqualTo(Scope.municipality("1280"));
    }

    /**
     * The page of accounts applies the scope rule, the search and the page in SQL: a municipal
     * administrator pages through its municipality and its units only, a regional one also sees
     * the region's other municipalities, and the search treats {@code _} and {@code %} literally.
     */
    @Test
    void accountsArePagedAndSearchedWithinTheAdministratorsScope() {
        units.register(nationAdmin, new se.samsyn.organisation.NewUnit("1280", "1280-SIDA", "Enhet 1280-SIDA",
                java.util.Set.of(se.samsyn.organisation.FocusArea.VIOLENCE)));
        accounts.create(nationAdmin, "sida-malmo-b", "a-long-password", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));
        accounts.create(nationAdmin, "sida-malmo-a", "a-long-password", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));
        accounts.create(nationAdmin, "sida-malmo-unit", "a-long-password", Role.CASE_WORKER, Scope.unit("1280-SIDA"));
        accounts.create(nationAdmin, "sida-lund", "a-long-password", Role.SOCIAL_DIRECTOR, Scope.municipality("1281"));
        accounts.create(nationAdmin, "sida-region", "a-long-password", Role.REGIONAL_ANALYST, Scope.region("12"));
        accounts.create(nationAdmin, "sida-sthlm", "a-long-password", Role.SOCIAL_DIRECTOR, Scope.municipality("0180"));

        AccountPage first = accounts.page(malmoAdmin, new AccountQuery("SIDA-", null, 0, 2));
        assertThat(first.accounts()).extracting(UserAccount::username).containsExactly("sida-malmo-a", "sida-malmo-b");
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        AccountPage second = accounts.page(malmoAdmin, new AccountQuery("sida-", null, 1, 2));
        assertThat(second.accounts()).extracting(UserAccount::username).containsExactly("sida-malmo-unit");
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();

        Actor skaneAdmin = new Actor("skane-admin", Role.ADMINISTRATOR, Scope.region("12"));
        assertThat(accounts.page(skaneAdmin, new AccountQuery("sida-", null, 0, 50)).accounts())
                .extracting(UserAccount::username)
                .containsExactly("sida-lund", "sida-malmo-a", "sida-malmo-b", "sida-malmo-unit", "sida-region");
        assertThat(accounts.page(skaneAdmin, new AccountQuery("sida-", Role.SOCIAL_DIRECTOR, 0, 50)).accounts())
                .extracting(UserAccount::username).containsExactly("sida-lund", "sida-malmo-b");
        assertThat(accounts.page(nationAdmin, new AccountQuery("sida-s", null, 0, 50)).accounts())
                .extracting(UserAccount::username).containsExactly("sida-sthlm");
        assertThat(accounts.page(nationAdmin, new AccountQuery("sida_", null, 0, 50)).accounts()).isEmpty();
        assertThat(accounts.page(nationAdmin, new AccountQuery("%", null, 0, 50)).accounts()).isEmpty();
        assertThat(accounts.list(malmoAdmin)).extracting(UserAccount::username)
                .contains("sida-malmo-a", "sida-malmo-b", "sida-malmo-unit").doesNotContain("sida-lund", "sida-region");
    }

    /** Competence links a mentor to an account by username: only an enabled account answers, as the actor it signs in as. */
    @Test
    void anEnabledAccountAnswersAsItsActorAndADisabledOrUnknownOneNot() {
        UserAccount mentor = accounts.create(nationAdmin, "mentor-check", "a-long-password", Role.SOCIAL_DIRECTOR,
                Scope.municipality("1280"));

        assertThat(accounts.enabledActor(" mentor-check ")).contains(new se.samsyn.shared.Actor("mentor-check",
                Role.SOCIAL_DIRECTOR, Scope.municipality("1280")));
        assertThat(accounts.enabledActor("no-such-account")).isEmpty();
        assertThat(accounts.enabledActor("")).isEmpty();
        accounts.change(nationAdmin, mentor.id(), Role.SOCIAL_DIRECTOR, Scope.municipality("1280"), false);
        assertThat(accounts.enabledActor("mentor-check")).isEmpty();
    }

    @Test
    void aTokenAuthenticatesUntilItIsRevoked() {
        accounts.create(nationAdmin, "integration-user", "a-long-password", Role.NATIONAL_ANALYST, Scope.nation());
        Actor owner = new Actor("integration-user", Role.NATIONAL_ANALYST, Scope.nation());
        CreatedToken created = tokens.create(owner, "system", 30);
        assertThat(jdbc.sql("SELECT token_hash FROM idn_api_token WHERE id = :id").param("id", created.token().id())
                .query(String.class).single()).isEqualTo(TokenRegister.hash(created.secret()));
        assertThat(tokens.authenticate(created.secret(), "127.0.0.1")).contains(owner);
        tokens.revoke(owner, created.token().id());
        assertThat(tokens.authenticate(created.secret(), "127.0.0.1")).isEmpty();
        assertThat(tokens.list(owner)).singleElement().satisfies(t -> assertThat(t.revokedAt()).isNotNull());
    }

    @Test
    void refusesATokenValidLongerThanAYear() {
        accounts.create(nationAdmin, "greedy-user", "a-long-password", Role.NATIONAL_ANALYST, Scope.nation());
        Actor owner = new Actor("greedy-user", Role.NATIONAL_ANALYST, Scope.nation());
        assertThatThrownBy(() -> tokens.create(owner, "forever", 366))
                .isInstanceOfSatisfying(AccountRejected.class,
                        e -> assertThat(e.messageKey()).isEqualTo("token.error.validity"));
        assertThat(tokens.list(owner)).isEmpty();
    }
}
