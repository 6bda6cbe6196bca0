/**
 * Imports: the one pipeline of every import in Samsyn (follow-up, Kolada, knowledge guide,
 * reference data), so that each accepts exactly the files it should and accounts for every byte.
 * {@link se.samsyn.imports.TabularFile} reads a CSV file with a header row or a JSON array of flat
 * objects as a stream of rows, refusing what is not UTF-8, has no header or no rows, has a row with
 * more or fewer fields than the header, holds a JSON element that is not an object, or has
 * anything after the top-level value. {@link se.samsyn.imports.PlainValues} reads numbers written
 * as plain decimals and dates within a plausible range. {@link se.samsyn.imports.ImportPipeline}
 * runs every import (ADR 11): each type gives its row rule and store step
 * ({@link se.samsyn.imports.ImportSteps}); the pipeline finds duplicate keys, writes in batches,
 * counts created, updated and unchanged rows, lists every problem, and keeps the whole file in
 * one transaction, rolled back on any problem or a dry run. Depends on nothing in Samsyn.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Imports", allowedDependencies = {})
package se.samsyn.imports;
