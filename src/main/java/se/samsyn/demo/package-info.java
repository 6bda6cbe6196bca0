/**
 * Demo mode: demo units in a spread of municipalities and demo accounts for every role, all
 * with the password {@code demo}, printed at start-up. It is on by default for the embedded H2
 * database and never switches itself on against PostgreSQL ({@code samsyn.demo=auto}).
 * Depends only on the public APIs of organisation, identity, follow-up and priority setting. The
 * base package holds only {@link se.samsyn.demo.SyntheticClients}, the generator of synthetic
 * clients that import benchmarks and tests use too; the loaders live in {@code demo.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"organisation", "identity", "followup", "priority", "competence", "comparison",
                "imports", "cluster", "shared"})
package se.samsyn.demo;
