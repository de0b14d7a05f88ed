package de.augenhoehe.partner.accounts;

import java.net.URI;

import de.augenhoehe.partner.accounts.AccountLogin.PasswordChange;
import de.augenhoehe.platform.architecture.FeatureApi;

/** "Forgot password", as the authorization server's pages use it. */
@FeatureApi
public interface PasswordRecovery {

    /**
     * Mails a link ({@code resetPage?token=…}) to the account's address if the account is enabled, has an address and
     * has not reached its hourly limit; otherwise nothing happens — and the caller cannot tell which.
     */
    void request(String username, URI resetPage);

    /** Whether a link's token can still be used (once, within its validity, for an enabled account). */
    boolean valid(String token);

    /** Sets the new password with a valid token ({@code NO_ACCOUNT} for an unusable one); the token is used up. */
    PasswordChange reset(String token, String newPassword);
}
