package de.augenhoehe.measures.members;

import java.util.Optional;
import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Who may host or co-organise a measure in a network: its active members, as learnt from partner-events (never by
 * asking partner-service in the request path).
 */
@FeatureApi
public interface NetworkMembers {

    boolean isActiveMember(UUID partnerId, UUID networkId);

    /** An active member of the network by its organisation name (demo data finds the partners of partner-service's demo). */
    Optional<UUID> activeMemberNamed(UUID networkId, String name);
}
