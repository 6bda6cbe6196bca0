package se.samsyn.organisation;

/** A municipality's population on 31 December of one year. */
public record PopulationYear(int year, int total, int women, int men) {
}
