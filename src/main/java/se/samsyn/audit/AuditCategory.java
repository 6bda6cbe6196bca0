package se.samsyn.audit;

/** What kind of event an audit row describes. */
public enum AuditCategory {
    /** Login, logout, failures, lockouts, account and token changes. */
    SECURITY,
    /** Changes to organisation and reference data. */
    ADMINISTRATION,
    /** A read of individual-level data. */
    INDIVIDUAL_READ,
    /** A write of individual-level data. */
    INDIVIDUAL_WRITE
}
