/**
 * Disclosure control of published counts (ADR 0015), in plain Java without Spring: which counts to
 * hide so that an attacker who knows every published count, every linear relation between the
 * counts and that a hidden count is a whole number of at least 1 cannot narrow any hidden count
 * below the protection level, and what such an attacker can learn.
 *
 * <p>The API is this package: {@link se.samsyn.disclosure.Cell} (a count in a table),
 * {@link se.samsyn.disclosure.Relation} (a sum or an "at most" between cells),
 * {@link se.samsyn.disclosure.Interval} (what the attacker derives for a hidden count) and
 * {@link se.samsyn.disclosure.DisclosureControl} (bounds by linear programming, the exposed cells,
 * and the choice of secondary cells). {@code internal} holds the linear programmes (ojAlgo) and the
 * split into independent parts. Used by the comparison results and the follow-up outcome reports;
 * depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure control", allowedDependencies = {})
package se.samsyn.disclosure;
