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

    /** Whether the account still has its one-time initial password, which must be replaced before any token is issued. */
    boolean mustChangePassword(String username);

    /** Sets a password of the person's own (enabled accounts only) if it passes the rules; what happened. */
    PasswordChange changePassword(String username, String newPassword);

    enum PasswordChange { CHANGED, TOO_SHORT, TOO_LONG, SAME_AS_BEFORE, NO_ACCOUNT }

    /**
     * @param roles lower case, as in the token ({@code coordinator}, {@code partner_admin}, ...)
     * @param coordinatorNetworks the networks a coordinator account coordinates (empty for other accounts)
     */
    record LoginAccount(UUID id, UUID partnerId, String username, String passwordHash, Set<String> roles,
                        Set<UUID> coordinatorNetworks, boolean enabled) {
    }
}
