package se.samsyn.organisation;

import java.util.Set;

/** Published after a batch of reference files has been stored; names the kinds that changed. */
public record ReferenceDataLoaded(Set<String> fileKinds) {
}
