package de.augenhoehe.partner.networks;

import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * The one thing other features may ask the networks feature: does a network exist. The feature's API
 * ({@code @FeatureApi}) keeps the features independent (FeatureArchitecture) without reading another feature's tables.
 */
@FeatureApi
public interface NetworkDirectory {

    boolean exists(UUID network);
}
