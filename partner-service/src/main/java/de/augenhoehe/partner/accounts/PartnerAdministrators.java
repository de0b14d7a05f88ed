package de.augenhoehe.partner.accounts;

import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Whether a partner has its own administrators. A network's coordinator may set a partner up (its first administrator,
 * its HR clients) only while it has none: once it has, the partner manages itself (issue #15).
 */
@FeatureApi
public interface PartnerAdministrators {

    /** Whether the partner has an enabled account with the role partner_admin. */
    boolean hasAdministrator(UUID partner);
}
