package de.augenhoehe.measures.registrations;

import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * What the hosts' view of participants may ask of the registrations: cancel one with a reason that the person is told
 * by mail (and that is never published). The caller has checked that the actor manages the measure.
 */
@FeatureApi
@Component
public class HostCancellations {

    private final Registrations registrations;
    private final MeasureGate gate;

    HostCancellations(Registrations registrations, MeasureGate gate) {
        this.registrations = registrations;
        this.gate = gate;
    }

    /** 404 for a registration of another measure; again changes nothing; 503 mail-unavailable changes nothing. */
    public void cancel(UUID measureId, UUID registrationId, String reason) {
        gate.through(measureId, () -> {
            registrations.cancelByHost(measureId, registrationId, reason);
            return null;
        });
    }
}
