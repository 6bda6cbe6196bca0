package se.samsyn.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditEntry;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditPage;
import se.samsyn.audit.AuditQuery;
import se.samsyn.audit.AuditTrail;
import se.samsyn.audit.ChainVerification;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The audit API on the web layer alone: the query the parameters make (searched within the
 * caller's own scope), the exact page answered, and the chain verification.
 */
@WebSliceTest(AuditApi.class)
class AuditApiWebTests {

    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, Scope.municipality("1880"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail trail;

    @Test
    void aSearchIsMadeInTheCallersScopeAndAnsweredAsAPage() throws Exception {
        AuditQuery query = new AuditQuery(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), "admin", null,
                AuditCategory.SECURITY, null, 0, 20);
        when(trail.search(query, Scope.municipality("1880"))).thenReturn(new AuditPage(List.of(new AuditEntry(17,
                Instant.parse("2025-01-05T09:30:00Z"), "admin", "ADMINISTRATOR", "MUNICIPALITY:1880", "USER_CREATED",
                AuditCategory.SECURITY, AuditOutcome.SUCCESS, "user", "4", "1880", null, null, "username=ny")),
                1, 0, 20));

        mvc.perform(get("/api/v1/admin/audit").param("from", "2025-01-01").param("to", "2025-01-31")
                        .param("actor", " admin ").param("category", "SECURITY").param("size", "20")
                        .with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"entries":[{"seq":17,"occurredAt":"2025-01-05T09:30:00Z","actor":"admin",
                          "actorRole":"administrator","actorScope":"MUNICIPALITY:1880","action":"USER_CREATED",
                          "category":"security","outcome":"success","objectType":"user","objectId":"4",
                          "municipalityCode":"1880","countyCode":null,"unitCode":null,"details":"username=ny"}],
                         "total":1,"page":0,"size":20}""", JsonCompareMode.LENIENT));
        verify(trail).search(query, Scope.municipality("1880"));
    }

    @Test
    void theVerificationSaysWhereTheChainBreaks() throws Exception {
        when(trail.verify()).thenReturn(new ChainVerification(false, 40, 12L, "audit.verify.altered",
                Instant.parse("2025-02-01T10:00:00Z")));
        mvc.perform(get("/api/v1/admin/audit/verification").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"intact":false,"checkedEntries":40,"firstBrokenSeq":12,"problem":"audit.verify.altered",
                         "verifiedAt":"2025-02-01T10:00:00Z"}""", JsonCompareMode.STRICT));
        var recorded = org.mockito.ArgumentCaptor.forClass(se.samsyn.audit.AuditRecord.class);
        verify(trail).record(recorded.capture());
        assertThat(recorded.getValue()).extracting(r -> r.action(), r -> r.details())
                .containsExactly("AUDIT_CHAIN_VERIFIED", "entries=40; intact=false; firstBroken=12");
    }

    @Test
    void theCategoryFilterTakesTheCodeTheAnswersUse() throws Exception {
        AuditQuery query = new AuditQuery(null, null, null, null, AuditCategory.INDIVIDUAL_READ, null, 0, 50);
        when(trail.search(query, Scope.municipality("1880"))).thenReturn(new AuditPage(List.of(new AuditEntry(18,
                Instant.parse("2025-01-06T09:30:00Z"), "handlaggare", "CASE_WORKER", "unit:U-1", "CLIENT_READ",
                AuditCategory.INDIVIDUAL_READ, AuditOutcome.DENIED, "client", "9", "1880", "18", "U-1", null)),
                1, 0, 50));

        mvc.perform(get("/api/v1/admin/audit").param("category", "individual-read").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"entries":[{"seq":18,"actorRole":"case-worker","actorScope":"unit:U-1",
                          "category":"individual-read","outcome":"denied"}],"total":1}""", JsonCompareMode.LENIENT));
        verify(trail).search(query, Scope.municipality("1880"));
    }

    @Test
    void anUnknownCategoryIsABadRequest() throws Exception {
        mvc.perform(get("/api/v1/admin/audit").param("category", "GOSSIP").with(as(ADMIN)))
                .andExpect(status().isBadRequest());
        org.mockito.Mockito.verifyNoInteractions(trail);
    }
}
