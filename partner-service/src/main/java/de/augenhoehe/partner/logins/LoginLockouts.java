package de.augenhoehe.partner.logins;

import de.augenhoehe.platform.architecture.FeatureApi;

/** Lifting a lockout: what the accounts and integration-client features ask of the login throttle. */
@FeatureApi
public interface LoginLockouts {

    /** Forgets the failed logins of this username (any case), so its owner can sign in again at once. */
    void liftAccount(String username);

    /** Forgets the failed token requests of this HR client. */
    void liftClient(String clientId);
}
