package se.samsyn.followup.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.audit.AuditCategory;
import se.samsyn.audit.AuditOutcome;
import se.samsyn.audit.AuditRecord;
import se.samsyn.audit.AuditTrail;
import se.samsyn.followup.Client;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.shared.Actor;

/**
 * The one check that individual data stays in its unit: the actor's own unit, and a client only
 * when it belongs to that unit. A refused look-up is audited as {@code CLIENT_ACCESS_DENIED} in a
 * transaction of its own, which the refusal cannot roll back, and answered as not found.
 */
@Component
class ClientScope {

    private final FollowupRepository repository;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final TransactionTemplate separately;

    ClientScope(FollowupRepository repository, Organisation organisation, AuditTrail audit,
                PlatformTransactionManager transactions) {
        this.repository = repository;
        this.organisation = organisation;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The actor's unit; {@link AccessDeniedException} when it no longer exists. */
    Unit unitOf(Actor actor) {
        String code = FollowupAccess.unitOf(actor);
        return organisation.unit(code).orElseThrow(() -> new AccessDeniedException("The unit no longer exists"));
    }

    /** The client with that id in the actor's unit; {@link ClientNotFound} (audited) otherwise. */
    Client ownClient(Actor actor, long clientId) {
        Unit unit = unitOf(actor);
        Client client = repository.client(clientId).orElse(null);
        if (client == null || !client.unitCode().equals(unit.code())) {
            separately.executeWithoutResult(tx -> audit.record(AuditRecord.of("CLIENT_ACCESS_DENIED",
                            AuditCategory.INDIVIDUAL_READ).actor(actor).outcome(AuditOutcome.DENIED)
                    .object("client", String.valueOf(clientId)).municipality(unit.municipalityCode())
                    .unit(unit.code()).build()));
            throw ClientNotFound.inUnit();
        }
        return client;
    }
}
