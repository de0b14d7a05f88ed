package de.augenhoehe.partner.api;

import java.util.List;

import de.augenhoehe.platform.architecture.FeatureApi;

/** One page of a list answer; shared by the features so every list of the service looks the same. */
@FeatureApi
public record Page<T>(List<T> items, int page, int size, long total) {
}
