package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One line of the ledger. Who pledged it stays inside (never served, never published). */
record LedgerEntry(UUID id, UUID partnerId, UUID networkId, Side side, Category category, BigDecimal quantity, String unit,
        LocalDate from, LocalDate to, Origin origin, String sourceEventType, Instant createdAt) {
}
