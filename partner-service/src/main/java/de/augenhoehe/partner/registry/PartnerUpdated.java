package de.augenhoehe.partner.registry;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code augenhoehe.partner.updated.v1}: the organisation's public profile (with its business address and web
 * presence), never its contact persons.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PartnerUpdated(String partnerId, String name, PartnerKind kind, String street, String postalCode, String city,
        String kreis, String industrySection, String industryDivision, SizeClass sizeClass, String website, String logoUrl,
        long version) {

    static final String TYPE = "augenhoehe.partner.updated.v1";

    static PartnerUpdated of(Partner p) {
        Address a = p.address();
        Industry i = p.industry();
        return new PartnerUpdated(p.id().toString(), p.name(), p.kind(), a == null ? null : a.street(),
                a == null ? null : a.postalCode(), a == null ? null : a.city(), a == null ? null : a.kreis(),
                i == null ? null : i.section(), i == null ? null : i.division(), p.sizeClass(), p.website(), p.logoUrl(),
                p.version());
    }
}
