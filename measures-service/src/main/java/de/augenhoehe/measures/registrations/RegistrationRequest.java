package de.augenhoehe.measures.registrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;

/**
 * A registration as the public sends it: one contact person, for themselves or for a group (a teacher with a class
 * of {@code groupSize}, which takes that many places).
 */
record RegistrationRequest(@NotNull UUID measureId, @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 254) String email, UUID sendingPartnerId, @Min(1) @Max(100) Integer groupSize,
        @Schema(description = "The target group the participant (or the group) belongs to; counted by the monitor, optional")
        TargetGroup targetGroup) {

    int places() {
        return groupSize == null ? 1 : groupSize;
    }

    /**
     * What identifies "the same request" for an Idempotency-Key: the fields after the defaults are applied, so that
     * {@code groupSize: 1} and no groupSize are the same registration.
     */
    byte[] fingerprint() {
        String canonical = String.join("\n", measureId.toString(), name.strip(), email.strip().toLowerCase(Locale.ROOT),
                String.valueOf(sendingPartnerId), String.valueOf(places()))
                // appended only when given, so fingerprints of requests without it stay what they were
                + (targetGroup == null ? "" : "\n" + targetGroup.name());
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
