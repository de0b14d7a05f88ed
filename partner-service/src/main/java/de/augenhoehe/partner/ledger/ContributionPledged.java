package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Data of {@code augenhoehe.partner.contribution-pledged.v1}; see contracts/events. No persons. */
record ContributionPledged(String entryId, String partnerId, String networkId, Category category, BigDecimal quantity,
        String unit, LocalDate from, LocalDate to, Instant occurredAt) {

    static final String TYPE = "augenhoehe.partner.contribution-pledged.v1";
}
