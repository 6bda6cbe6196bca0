package se.samsyn.organisation;

/** An SKR kommungrupp (2017 classification), for example A1 Storstäder. */
public record MunicipalityGroup(String code, String name, String mainGroup, String koladaGroupId) {
}
