package de.augenhoehe.partner.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import de.augenhoehe.platform.architecture.FeatureApi;

/** What the authorization server asks about people's accounts: who logs in, with which roles, for which partner. */
@FeatureApi
public interface AccountLogin {

    /** An account by its username (ignoring case), enabled or not. */
    Optional<LoginAccount> byUsername(String username);

    /**
     * @param roles lower case, as in the token ({@code coordinator}, {@code partner_admin}, ...)
     * @param coordinatorNetworks the networks a coordinator account coordinates (empty for other accounts)
     */
    record LoginAccount(UUID id, UUID partnerId, String username, String passwordHash, Set<String> roles,
                        Set<UUID> coordinatorNetworks, boolean enabled) {
    }
}
