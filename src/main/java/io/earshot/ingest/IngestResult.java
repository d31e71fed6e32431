package io.earshot.ingest;

import java.util.List;

/**
 * What became of an offer: how many mentions were newly stored, how many were stored already,
 * and which were refused (by their index in the offer), each with the field at fault and why.
 * Every mention of the offer is in exactly one of the three.
 */
public record IngestResult(int accepted, int duplicates, List<Rejection> rejected) {
  /** One refused mention: its index in the offer, the field at fault ({@code item} for the whole) and why. */
  public record Rejection(int index, String field, String error) {
  }

  public IngestResult {
    rejected = List.copyOf(rejected);
  }
}
