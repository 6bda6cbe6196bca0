package se.samsyn;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application with the demo data and no web server (H2 database {@code demo_as_started}),
 * shared by the disclosure tests that read what the start-up stored and neither write nor refresh
 * anything: {@code DemoPracticeDisclosureIntegrationTests} (priority) and
 * {@code DemoNeedsDisclosureIntegrationTests} (follow-up). Each asserts the state the start-up left,
 * so a test that refreshes stored results or changes facts must not join them: it would let a
 * start-up that computed too little pass. A test class that extends this class and adds no
 * configuration of its own reuses the cached context, so the demo is loaded and its results
 * computed once for all of them (about 30 s per start on a 2-core machine).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data"})
public abstract class DemoAsStarted {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "demo_as_started");
    }
}
