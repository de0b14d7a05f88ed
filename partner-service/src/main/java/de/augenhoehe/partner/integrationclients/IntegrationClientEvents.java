package de.augenhoehe.partner.integrationclients;

/** Data of the integration client events on partner-events (key = partner id); see contracts/events. No secrets. */
final class IntegrationClientEvents {

    static final String ISSUED = "augenhoehe.partner.integration-client-issued.v1";
    static final String REVOKED = "augenhoehe.partner.integration-client-revoked.v1";

    private IntegrationClientEvents() {
    }

    record Issued(String clientId, String partnerId, String occurredAt) {
    }

    record Revoked(String clientId, String partnerId, String occurredAt) {
    }
}
