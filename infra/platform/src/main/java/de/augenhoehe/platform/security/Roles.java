package de.augenhoehe.platform.security;

/** The roles of the platform, as carried in the token's {@code roles} claim (lower case) and as authorities. */
public final class Roles {

    public static final String COORDINATOR = "COORDINATOR";
    public static final String PARTNER_ADMIN = "PARTNER_ADMIN";
    public static final String PARTNER_STAFF = "PARTNER_STAFF";
    public static final String OPERATIONS = "OPERATIONS";
    public static final String HR_CLIENT = "HR_CLIENT";

    private Roles() {
    }
}
