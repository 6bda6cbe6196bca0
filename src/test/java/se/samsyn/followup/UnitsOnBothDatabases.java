package se.samsyn.followup;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The shared fixture of the follow-up database tests that record in unit {@value #UNIT}
 * (municipality 1280) and look from unit {@code 1281-IFO} (municipality 1281): both units are
 * registered before each test unless they exist, on whichever database the subclass runs.
 */
abstract class UnitsOnBothDatabases {

    static final String UNIT = "1280-IFO-VUX";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Units units;

    @Autowired
    Organisation organisation;

    @BeforeEach
    void unitsExist() {
        Actor admin = new Actor("setup", Role.ADMINISTRATOR, Scope.nation());
        for (String[] u : new String[][] {{"1280", UNIT}, {"1281", "1281-IFO"}}) {
            if (organisation.unit(u[1]).isEmpty()) {
                units.register(admin, new NewUnit(u[0], u[1], "Test " + u[1], Set.of(FocusArea.SUBSTANCE_USE)));
            }
        }
    }
}
