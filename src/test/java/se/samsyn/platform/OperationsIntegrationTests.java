package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;
import se.samsyn.identity.Accounts;
import se.samsyn.identity.ApiTokens;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Health probes for a load balancer, Prometheus metrics for national administrators, graceful shutdown. */
@SpringBootTest(properties = "samsyn.demo=false")
@AutoConfigureMockMvc
class OperationsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "operations");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Environment environment;

    @Autowired
    HealthEndpointGroups healthGroups;

    @Test
    void livenessAndReadinessAnswerPubliclyWithTheStatusOnly() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            String body = mvc.perform(get(probe)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(body).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessDoesNot() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).isFalse();
        assertThat(healthGroups.get("liveness").isMember("livenessState")).isTrue();
    }

    @Test
    void prometheusNeedsANationalAdministratorsToken() throws Exception {
        Actor nationAdmin = account("metrics-admin", Role.ADMINISTRATOR, Scope.nation());
        Actor analyst = account("metrics-analyst", Role.NATIONAL_ANALYST, Scope.nation());

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(analyst)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer smsn_not-a-real-token"))
                .andExpect(status().isUnauthorized());

        String metrics = mvc.perform(get("/actuator/prometheus")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(nationAdmin)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(metrics).contains("# TYPE jvm_memory_used_bytes gauge").contains("jvm_memory_used_bytes{")
                .contains("hikaricp_connections_active");
    }

    @Test
    void otherActuatorEndpointsStayClosedEvenToAdministrators() throws Exception {
        Actor nationAdmin = account("closed-admin", Role.ADMINISTRATOR, Scope.nation());
        mvc.perform(get("/actuator/env").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(nationAdmin)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
    }

    @Test
    void shutdownWaitsUpTo30SecondsForRequestsInFlight() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("30s");
    }

    private Actor account(String username, Role role, Scope scope) {
        accounts.provision(username, "metrics-password-1", role, scope);
        return new Actor(username, role, scope);
    }

    private String token(Actor owner) {
        return tokens.create(owner, "prometheus", 30).secret();
    }
}
