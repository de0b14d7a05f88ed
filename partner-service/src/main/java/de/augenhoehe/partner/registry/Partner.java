package de.augenhoehe.partner.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A partner organisation. {@code contacts} is null (left out) for callers who may not see personal data; the version
 * travels as ETag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Partner(UUID id, String name, PartnerKind kind, Address address, Industry industry, SizeClass sizeClass,
        @Schema(description = "The organisation's own website (https)") String website,
        @Schema(description = "Where the organisation's logo is published (https), e.g. for job search engines") String logoUrl,
        List<ContactPerson> contacts, Instant registeredAt, @JsonIgnore long version) {

    Partner withContacts(List<ContactPerson> visible) {
        return new Partner(id, name, kind, address, industry, sizeClass, website, logoUrl, visible, registeredAt, version);
    }
}
