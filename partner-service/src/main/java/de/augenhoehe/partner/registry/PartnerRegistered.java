package de.augenhoehe.partner.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code augenhoehe.partner.registered.v1}; see contracts/events. Organisation data only: its business address
 * and web presence where given (job postings name them), never its contact persons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartnerRegistered(String partnerId, String name, PartnerKind kind, String street, String postalCode, String city,
        String website, String logoUrl) {

    static final String TYPE = "augenhoehe.partner.registered.v1";

    static PartnerRegistered of(Partner p) {
        Address a = p.address();
        return new PartnerRegistered(p.id().toString(), p.name(), p.kind(), a == null ? null : a.street(),
                a == null ? null : a.postalCode(), a == null ? null : a.city(), p.website(), p.logoUrl());
    }
}
