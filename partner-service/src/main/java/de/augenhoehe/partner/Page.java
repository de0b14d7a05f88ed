package de.augenhoehe.partner;

import java.util.List;

/** One page of a list answer; shared by the features so every list of the service looks the same. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
