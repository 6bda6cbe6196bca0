package se.samsyn.organisation.referencedata;

/** One file handed in for loading: its kind, the name it came with, and its bytes. */
public record ReferenceFile(ReferenceFileKind kind, String fileName, byte[] content) {
}
