/**
 * Audit: the append-only, tamper-evident trail of security events and of every read and write of
 * individual-level data.
 *
 * <p>Publishes {@link se.samsyn.audit.AuditTrail} (record, search within a scope, verify the hash
 * chain) and the records it takes and returns. Callers record in their own transaction, so an
 * audited write and its audit row commit or roll back together. Depends on nothing but the shared
 * value types, so that every other module can depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"shared"})
package se.samsyn.audit;
