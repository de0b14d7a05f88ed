package de.augenhoehe.partner.registry;

import java.time.Instant;
import java.util.UUID;

/** A partner organisation as the public sees it. */
record Partner(UUID id, String name, PartnerKind kind, Instant registeredAt) {
}
