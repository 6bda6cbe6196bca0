package se.samsyn.comparison.kolada;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

@SpringBootTest(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data", "samsyn.kolada.load-sample=true"})
@AutoConfigureMockMvc
class KoladaPostgresIntegrationTests extends KoladaTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "kolada");
    }
}
