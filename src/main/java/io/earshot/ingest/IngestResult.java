package io.earshot.ingest;

/** How many offered mentions were newly stored and how many were already known. */
public record IngestResult(int accepted, int duplicates) {
  public IngestResult plus(IngestResult other) {
    return new IngestResult(accepted + other.accepted, duplicates + other.duplicates);
  }
}
