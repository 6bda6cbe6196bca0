package se.samsyn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import se.samsyn.ModuleTestClock;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The identity module started with the modules it depends on (audit, organisation and theirs),
 * without the web platform or demo data: an administrator creates an account through the
 * published {@link Accounts} and finds it in the list of the administrator's scope.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
@Import(ModuleTestClock.class)
class IdentityModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "identity_module");
    }

    @Autowired
    Accounts accounts;

    @Test
    void anAdministratorCreatesAnAccountAndFindsItInScope() {
        Actor admin = new Actor("modul-admin", Role.ADMINISTRATOR, Scope.municipality("1280"));
        UserAccount created = accounts.create(admin, "modul-analytiker", "ett långt lösenord",
                Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

        assertThat(created.username()).isEqualTo("modul-analytiker");
        assertThat(created.role()).isEqualTo(Role.MUNICIPAL_ANALYST);
        assertThat(created.scope()).isEqualTo(Scope.municipality("1280"));
        assertThat(created.enabled()).isTrue();
        assertThat(accounts.list(admin)).extracting(UserAccount::username).containsExactly("modul-analytiker");
        assertThat(accounts.list(new Actor("lund-admin", Role.ADMINISTRATOR, Scope.municipality("1281"))))
                .isEmpty();
    }
}
