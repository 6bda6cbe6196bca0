/**
 * Shared value types that every capability speaks: who is acting ({@link se.samsyn.shared.Actor}),
 * with which {@link se.samsyn.shared.Role} and within which organisational {@link se.samsyn.shared.Scope},
 * and the one time zone every date boundary is drawn in ({@link se.samsyn.shared.SwedishTime}).
 * Nothing else belongs here; behaviour lives in the capability modules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.samsyn.shared;
