package se.samsyn.followup.web;

import java.time.Instant;
import se.samsyn.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Client;
import se.samsyn.followup.ClientRecords;
import se.samsyn.followup.EntryCorrections;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * What the web slice tests of the client page's controllers share: a case worker of unit
 * {@code U-ORE-1} and an analyst, their client 7, a signed-in principal as the identity module makes
 * it, and the three follow-up services the pages call, mocked. Subclasses name their controllers in
 * {@code @WebSliceTest} and import {@link ClientPage}.
 */
abstract class ClientPageSlice {

    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));
    static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1880"));
    static final Client CLIENT = new Client(7, "1880", "U-ORE-1", 1980, "K", Instant.parse("2025-01-02T08:00:00Z"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    ClientRecords records;
    @MockitoBean
    EntryCorrections corrections;
    @MockitoBean
    Catalogue catalogue;

    static Authentication as(Actor actor) {
        return SignedIn.authenticationOf(actor);
    }
}
