package se.samsyn.identity.internal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "samsyn.demo=false")
class AccountsAndTokensH2IntegrationTests extends AccountsAndTokensTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "identity");
    }
}
