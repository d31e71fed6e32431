package io.earshot.store;

import java.util.List;

/** One page of a listing and the total number of matching items. */
public record Page<T>(List<T> items, long total) {
}
