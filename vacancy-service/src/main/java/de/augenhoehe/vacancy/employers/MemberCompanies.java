package de.augenhoehe.vacancy.employers;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Who may post on the portal (issue #4: only active member companies), as learnt from partner-events. Answers from
 * the local projection only; never asks partner-service.
 */
@FeatureApi
public interface MemberCompanies {

    /** A partner may post when it is a {@code COMPANY} with at least one {@code ACTIVE} membership. */
    boolean canPost(UUID partnerId);

    /** The networks in which the partner is an active member (empty for unknown partners). */
    Set<UUID> networksOf(UUID partnerId);

    boolean isActiveMember(UUID partnerId, UUID networkId);

    /**
     * The ids of a network's active members as a subquery with one parameter, the network's id: for statements of
     * other features on this service's database (the public search's network filter), so that a search needs neither
     * a round trip for them nor 4,000 ids as a parameter (planned as a constant: 6 ms per search).
     */
    String ACTIVE_MEMBER_IDS = "select partner_id from employer_membership where network_id = ? and status = 'ACTIVE'";

    /** The organisations' names as known from partner-events (unknown ids are missing from the map). */
    Map<UUID, String> namesOf(Collection<UUID> partnerIds);

    /**
     * The organisation's public business data as known from partner-events — name, business address, website, logo
     * (each null where not given); empty before its registration arrived.
     */
    Optional<Organisation> organisation(UUID partnerId);

    record Organisation(String name, String street, String postalCode, String city, String website, String logoUrl) {
    }

    /** The partner's latest membership per network, with its status and the date of its last step. */
    List<Membership> membershipsOf(UUID partnerId);

    enum Status {
        APPLIED, ACTIVE, SUSPENDED, ENDED
    }

    record Membership(UUID networkId, UUID membershipId, Status status, Instant appliedAt, Instant since) {
    }
}
