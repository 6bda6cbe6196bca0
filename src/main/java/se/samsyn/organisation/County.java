package se.samsyn.organisation;

/** A region (län), by its two-digit county code. */
public record County(String code, String name, String shortName) {
}
