package de.augenhoehe.partner.networks;

import java.util.List;

/** Data of {@code augenhoehe.partner.network-created.v1} and {@code …network-updated.v1}; see contracts/events. */
record NetworkEvents(String networkId, String name, List<String> region, LegalForm legalForm, long version) {

    static final String CREATED = "augenhoehe.partner.network-created.v1";
    static final String UPDATED = "augenhoehe.partner.network-updated.v1";

    static NetworkEvents of(Network n) {
        return new NetworkEvents(n.id().toString(), n.name(), n.region(), n.legalForm(), n.version());
    }
}
