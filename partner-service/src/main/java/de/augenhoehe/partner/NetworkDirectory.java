package de.augenhoehe.partner;

import java.util.UUID;

/**
 * The one thing other features may ask the networks feature: does a network exist. A public query interface in the
 * root package keeps the features independent (FeatureArchitecture) without reading another feature's tables.
 */
public interface NetworkDirectory {

    boolean exists(UUID network);
}
