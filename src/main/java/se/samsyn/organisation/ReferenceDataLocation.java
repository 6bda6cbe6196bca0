package se.samsyn.organisation;

import java.nio.file.Path;

/**
 * Where the reference data is read at start-up, as a Spring resource location ending in {@code /}
 * (for {@code ResourceLoader.getResource(location + fileName)}). The setting
 * {@code samsyn.reference-data} ({@code SAMSYN_REFERENCE_DATA}) decides: empty means the copy
 * shipped in the jar ({@value #SHIPPED}, described in its {@code PROVENANCE.md}); a value starting
 * with {@code classpath:} or {@code file:} is used as it is; anything else is a folder on disk,
 * relative to the working directory unless absolute. The Kolada sample is read from
 * {@code kolada_sample/} under the same location.
 */
public final class ReferenceDataLocation {

    /** The reference data shipped in the jar. */
    public static final String SHIPPED = "classpath:reference-data/";

    private ReferenceDataLocation() {
    }

    /** The resource location for a value of {@code samsyn.reference-data}; never null, always ends in {@code /}. */
    public static String of(String configured) {
        if (configured == null || configured.isBlank()) {
            return SHIPPED;
        }
        String value = configured.strip();
        if (!value.startsWith("classpath:") && !value.startsWith("file:")) {
            value = Path.of(value).toAbsolutePath().normalize().toUri().toString();
        }
        return value.endsWith("/") ? value : value + "/";
    }
}
