package se.samsyn.audit;

import java.util.Objects;
import se.samsyn.shared.Actor;
import se.samsyn.shared.PersonalNumberShape;

/**
 * One event to append. The actor is named explicitly because some events (a failed login) have
 * no signed-in actor. The municipality and county codes place the event in the organisation,
 * so that an administrator sees the events within the administrator's own scope. Text shaped like
 * a personal identity number in the actor, object id, details or client address is masked
 * ({@link PersonalNumberShape#masked}) before it is hashed or written.
 */
public record AuditRecord(
        String actor,
        Actor actorDetails,
        String action,
        AuditCategory category,
        AuditOutcome outcome,
        String objectType,
        String objectId,
        String municipalityCode,
        String countyCode,
        String unitCode,
        String details,
        String clientAddress) {

    public AuditRecord {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(outcome, "outcome");
        if (details != null && details.length() > 2000) {
            details = details.substring(0, 2000);
        }
        // No personal identity number enters the chain (issue 12 point 3): number-shaped text in
        // the free fields is masked before the row is hashed and written.
        actor = PersonalNumberShape.masked(actor);
        objectId = PersonalNumberShape.masked(objectId);
        details = PersonalNumberShape.masked(details);
        clientAddress = PersonalNumberShape.masked(clientAddress);
    }

    public static Builder of(String action, AuditCategory category) {
        return new Builder(action, category);
    }

    /** Builds an audit record step by step; the current actor is used unless one is given. */
    public static final class Builder {
        private final String action;
        private final AuditCategory category;
        private String actor;
        private Actor actorDetails;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private String objectType;
        private String objectId;
        private String municipalityCode;
        private String countyCode;
        private String unitCode;
        private String details;
        private String clientAddress;

        private Builder(String action, AuditCategory category) {
            this.action = action;
            this.category = category;
        }

        public Builder actor(Actor actor) {
            this.actorDetails = actor;
            this.actor = actor == null ? null : actor.username();
            return this;
        }

        public Builder actorName(String name) {
            this.actor = name;
            return this;
        }

        public Builder outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder object(String type, String id) {
            this.objectType = type;
            this.objectId = id;
            return this;
        }

        public Builder municipality(String code) {
            this.municipalityCode = code;
            return this;
        }

        public Builder county(String code) {
            this.countyCode = code;
            return this;
        }

        public Builder unit(String code) {
            this.unitCode = code;
            return this;
        }

        public Builder details(String details) {
            this.details = details;
            return this;
        }

        public Builder clientAddress(String address) {
            this.clientAddress = address;
            return this;
        }

        public AuditRecord build() {
            Actor who = actorDetails;
            String name = actor;
            if (name == null) {
                who = Actor.current().orElse(null);
                name = who == null ? Actor.SYSTEM : who.username();
            }
            return new AuditRecord(name, who, action, category, outcome, objectType, objectId,
                    municipalityCode, countyCode, unitCode, details, clientAddress);
        }
    }
}
