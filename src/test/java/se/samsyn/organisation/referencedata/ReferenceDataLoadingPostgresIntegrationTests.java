package se.samsyn.organisation.referencedata;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "samsyn.demo=false")
class ReferenceDataLoadingPostgresIntegrationTests extends ReferenceDataLoadingTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "referencedata");
    }
}
