package de.augenhoehe.measures.registrations;

import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;
import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * Registrations for demo data, through the same logic as the API. The Idempotency-Key makes a second start of the
 * demo register nobody twice.
 */
@FeatureApi
@Component
public class RegistrationSeeding {

    private final Registrations registrations;

    RegistrationSeeding(Registrations registrations) {
        this.registrations = registrations;
    }

    public void register(String key, UUID measure, String name, String email, UUID sendingPartner, Integer groupSize,
            TargetGroup targetGroup) {
        // demo data stands for registrations by the schools' and companies' staff: nothing to confirm, no mail
        registrations.register(new RegistrationRequest(measure, name, email, sendingPartner, groupSize, targetGroup), key, false);
    }
}
