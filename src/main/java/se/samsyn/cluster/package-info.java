/**
 * Cluster: what lets several Samsyn instances share one database. Cluster-wide locks
 * ({@link se.samsyn.cluster.ClusterLocks}, ShedLock over the {@code cls_lock} table) serialise
 * refreshes and start-up seeding; change signals ({@link se.samsyn.cluster.ChangeSignals}, the
 * {@code cls_signal} table) tell every instance that something it keeps in memory (caches, the
 * knowledge index) is out of date; caches are Caffeine caches behind Spring's cache abstraction,
 * emptied after commit. Sessions live in the database ({@code cls_session}, Spring Session JDBC)
 * and events in Spring Modulith's publication registry ({@code event_publication}).
 * Depends on nothing in Samsyn; see docs/adr/0009-scaling-out.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster", allowedDependencies = {})
package se.samsyn.cluster;
