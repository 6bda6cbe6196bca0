package se.samsyn.followup.internal;

import se.samsyn.TestDatabases;

/** The pseudonym key checks on real PostgreSQL databases. */
class PseudonymKeyPostgresIntegrationTests extends PseudonymKeyTests {

    @Override
    String[] newDatabase(String name) {
        String database = TestDatabases.createDatabase(uniqueName(name));
        return new String[] {"spring.datasource.url=" + TestDatabases.jdbcUrl(database),
                "spring.datasource.username=postgres", "spring.datasource.password=postgres"};
    }
}
