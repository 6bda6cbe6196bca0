package se.samsyn.demo.internal;

import se.samsyn.cluster.ClusterLocks;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.identity.Accounts;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Units;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** Creates the demo units and accounts after the reference data is in place; runs again harmlessly. */
@Component
@Order(20)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String PASSWORD = "demo";

    record DemoUnit(String municipality, String code, String name, Set<FocusArea> areas) {
    }

    record DemoAccount(String username, Role role, Scope scope) {
    }

    /** Units in municipalities of different kommungrupper, large and small, north and south. */
    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("1280", "1280-IFO-BU", "Malmö Barn och unga, utredning",
                    EnumSet.of(FocusArea.CHILDREN_YOUTH, FocusArea.VIOLENCE)),
            new DemoUnit("1280", "1280-IFO-VUX", "Malmö Vuxenenheten", EnumSet.of(FocusArea.SUBSTANCE_USE,
                    FocusArea.HOMELESSNESS, FocusArea.ECONOMIC_ASSISTANCE)),
            new DemoUnit("1280", "1280-ALD", "Malmö Äldreomsorg, myndighet", EnumSet.of(FocusArea.ELDERLY_CARE,
                    FocusArea.DEMENTIA)),
            new DemoUnit("1281", "1281-IFO", "Lund Individ- och familjeomsorg", EnumSet.of(FocusArea.CHILDREN_YOUTH,
                    FocusArea.SUBSTANCE_USE, FocusArea.ECONOMIC_ASSISTANCE)),
            new DemoUnit("0180", "0180-IFO-BU", "Stockholm Barn och unga", EnumSet.of(FocusArea.CHILDREN_YOUTH)),
            new DemoUnit("1480", "1480-IFO-VUX", "Göteborg Vuxen", EnumSet.of(FocusArea.SUBSTANCE_USE,
                    FocusArea.HOMELESSNESS)),
            new DemoUnit("0380", "0380-ALD", "Uppsala Äldreomsorg", EnumSet.of(FocusArea.ELDERLY_CARE,
                    FocusArea.DEMENTIA)),
            new DemoUnit("2584", "2584-SOC", "Kiruna Socialtjänst", EnumSet.allOf(FocusArea.class)),
            new DemoUnit("2321", "2321-SOC", "Åre Socialtjänst", EnumSet.allOf(FocusArea.class)),
            new DemoUnit("0683", "0683-IFO", "Värnamo Individ- och familjeomsorg", EnumSet.of(FocusArea.CHILDREN_YOUTH,
                    FocusArea.VIOLENCE, FocusArea.SUBSTANCE_USE)),
            new DemoUnit("1880", "1880-LSS", "Örebro Funktionsstöd", EnumSet.of(FocusArea.DISABILITY)),
            new DemoUnit("2480", "2480-IFO", "Umeå Individ- och familjeomsorg", EnumSet.of(FocusArea.CHILDREN_YOUTH,
                    FocusArea.VIOLENCE, FocusArea.ECONOMIC_ASSISTANCE)),
            new DemoUnit("0114", "0114-IFO", "Upplands Väsby Individ- och familjeomsorg",
                    EnumSet.of(FocusArea.SUBSTANCE_USE, FocusArea.ECONOMIC_ASSISTANCE)),
            new DemoUnit("0140", "0140-SOC", "Nykvarn Socialtjänst", EnumSet.allOf(FocusArea.class)),
            new DemoUnit("0381", "0381-VUX", "Enköping Vuxenstöd", EnumSet.of(FocusArea.SUBSTANCE_USE,
                    FocusArea.HOMELESSNESS)),
            new DemoUnit("0428", "0428-SOC", "Vingåker Socialtjänst", EnumSet.allOf(FocusArea.class)),
            new DemoUnit("0662", "0662-ALD", "Gislaved Äldreomsorg", EnumSet.of(FocusArea.ELDERLY_CARE,
                    FocusArea.DEMENTIA)));

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("demo-admin", Role.ADMINISTRATOR, Scope.nation()),
            new DemoAccount("demo-national", Role.NATIONAL_ANALYST, Scope.nation()),
            new DemoAccount("demo-caseworker", Role.CASE_WORKER, Scope.unit("1280-IFO-BU")),
            new DemoAccount("demo-manager", Role.UNIT_MANAGER, Scope.unit("1280-IFO-BU")),
            new DemoAccount("demo-lund", Role.CASE_WORKER, Scope.unit("1281-IFO")),
            new DemoAccount("demo-director", Role.SOCIAL_DIRECTOR, Scope.municipality("1280")),
            new DemoAccount("demo-analyst", Role.MUNICIPAL_ANALYST, Scope.municipality("1280")),
            new DemoAccount("demo-malmo-admin", Role.ADMINISTRATOR, Scope.municipality("1280")),
            new DemoAccount("demo-regional", Role.REGIONAL_ANALYST, Scope.region("12")),
            new DemoAccount("demo-editor", Role.KNOWLEDGE_EDITOR, Scope.nation()));

    private final Organisation organisation;
    private final Units units;
    private final Accounts accounts;
    private final DemoMode mode;

    private final ClusterLocks locks;

    DemoData(Organisation organisation, Units units, Accounts accounts,
             @Value("${samsyn.demo:auto}") String setting, @Value("${spring.datasource.url:}") String url,
            ClusterLocks locks) {
        this.locks = locks;
        this.organisation = organisation;
        this.units = units;
        this.accounts = accounts;
        this.mode = new DemoMode(setting, url);
    }

    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively(ClusterLocks.SEEDING, ClusterLocks.SEEDING_WAIT, this::seed);
    }

    private void seed() {
        if (!mode.enabled()) {
            return;
        }
        if (organisation.municipality("1280").isEmpty()) {
            log.warn("Demo mode is on, but the reference data is not loaded; demo units and accounts are skipped");
            return;
        }
        Actor system = new Actor(Actor.SYSTEM, Role.ADMINISTRATOR, Scope.nation());
        for (DemoUnit u : UNITS) {
            if (organisation.unit(u.code()).isEmpty() && organisation.municipality(u.municipality()).isPresent()) {
                units.register(system, new NewUnit(u.municipality(), u.code(), u.name(), u.areas()));
            }
        }
        for (DemoAccount a : ACCOUNTS) {
            accounts.provision(a.username(), PASSWORD, a.role(), a.scope());
        }
        StringBuilder table = new StringBuilder("\n\nSamsyn demo mode: these accounts all have the password '")
                .append(PASSWORD).append("'\n");
        for (DemoAccount a : ACCOUNTS) {
            table.append(String.format(Locale.ROOT, "  %-18s %-18s %s%n", a.username(), a.role(), a.scope()));
        }
        log.info(table.toString());
    }
}
