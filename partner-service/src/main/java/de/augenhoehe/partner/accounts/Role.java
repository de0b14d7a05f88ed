package de.augenhoehe.partner.accounts;

import java.util.Locale;

/** The roles a person's account can hold (hr_client is for integration clients only, never a person). */
enum Role {
    COORDINATOR, PARTNER_ADMIN, PARTNER_STAFF, OPERATIONS;

    /** As in the token's {@code roles} claim. */
    String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
