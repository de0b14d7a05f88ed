package de.augenhoehe.partner.networks;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A network as the public sees it; the version travels as ETag, not in the body. */
record Network(UUID id, String name, List<String> region, String goals, LegalForm legalForm, @JsonIgnore long version) {
}
