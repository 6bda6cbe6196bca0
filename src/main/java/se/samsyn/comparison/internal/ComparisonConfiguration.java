package se.samsyn.comparison.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling, for the gathered refresh of results after follow-up data changes. */
@Configuration
@EnableScheduling
class ComparisonConfiguration {
}
