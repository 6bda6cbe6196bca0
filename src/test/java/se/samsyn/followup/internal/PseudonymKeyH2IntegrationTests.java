package se.samsyn.followup.internal;

/** The pseudonym key checks on in-memory H2 databases in PostgreSQL mode. */
class PseudonymKeyH2IntegrationTests extends PseudonymKeyTests {

    @Override
    String[] newDatabase(String name) {
        return new String[] {"spring.datasource.url=jdbc:h2:mem:" + uniqueName(name)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa", "spring.datasource.password="};
    }
}
