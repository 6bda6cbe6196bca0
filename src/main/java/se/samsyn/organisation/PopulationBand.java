package se.samsyn.organisation;

/** Inhabitants of one sex (T, K, M) in one age band, in one year. */
public record PopulationBand(int year, String sex, String ageBand, int population) {
}
