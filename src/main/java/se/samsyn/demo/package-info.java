/**
 * Demo mode: demo units in a spread of municipalities and demo accounts for every role, all
 * with the password {@code demo}, printed at start-up. It is on by default for the embedded H2
 * database and never switches itself on against PostgreSQL ({@code samsyn.demo=auto}).
 * Depends only on the public APIs of organisation, identity, follow-up, priority setting, competence,
 * comparison and trials. The
 * base package is its API and holds only {@link se.samsyn.demo.SyntheticClients}, the generator of
 * synthetic clients: the demo loaders write the demo clients with it, and other modules' import
 * tests and benchmarks make files with it (no production module may depend on demo). The loaders
 * live in {@code demo.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"organisation", "identity", "followup", "priority", "competence", "prevention", "comparison", "trials",
                "imports", "cluster", "shared"})
package se.samsyn.demo;
