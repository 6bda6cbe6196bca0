package se.samsyn.priority;

import java.time.Instant;

/** One version in a process's history. */
public record VersionInfo(int version, Instant publishedAt, String publishedBy) {
}
