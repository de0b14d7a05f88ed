package de.augenhoehe.partner.registry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * What other features may ask the registry feature about partners and their memberships: the feature's API
 * ({@code @FeatureApi}), so features stay independent (FeatureArchitecture) and share no tables.
 */
@FeatureApi
public interface PartnerDirectory {

    boolean exists(UUID partner);

    /** The partner's kind (e.g. {@code COMPANY}), empty for an unknown partner. */
    Optional<String> kind(UUID partner);

    /** A partner by its exact name (ignoring case), e.g. to find the demo partners; empty if none or several. */
    Optional<UUID> idByName(String name);

    /** The networks in which the partner is an active member. */
    Set<UUID> activeNetworks(UUID partner);

    /** The active member partners of a network, by name. */
    List<Member> activeMembers(UUID network);

    record Member(UUID partnerId, String name) {
    }
}
