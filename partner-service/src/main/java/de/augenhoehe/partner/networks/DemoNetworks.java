package de.augenhoehe.partner.networks;

import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * The fixed ids of the two seed networks in demo mode: the networks feature creates them, the registry feature makes
 * the demo partners their members, and demo tokens can name them in their {@code networks} claim.
 */
@FeatureApi
public final class DemoNetworks {

    public static final UUID HEILBRONN = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000001");
    public static final UUID EMS_ACHSE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000002");

    private DemoNetworks() {
    }
}
