package se.samsyn.organisation;

/**
 * A municipality with its county, its kommungrupp and the latest population figures.
 * {@code share80Plus} is the share (0–100) of inhabitants aged 80 or more.
 */
public record Municipality(
        String code,
        String name,
        String nameLong,
        String countyCode,
        String countyName,
        String groupCode,
        String groupName,
        Integer population,
        Integer populationYear,
        Double share80Plus) {
}
