package se.samsyn.audit;

/** Whether the audited attempt succeeded. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
