package de.augenhoehe.partner.registry;

/** Data of {@code augenhoehe.partner.registered.v1}; see contracts/events. */
record PartnerRegistered(String partnerId, String name, PartnerKind kind) {

    static final String TYPE = "augenhoehe.partner.registered.v1";
}
