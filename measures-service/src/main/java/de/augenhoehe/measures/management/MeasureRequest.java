package de.augenhoehe.measures.management;

import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Delivery;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Type;
import de.augenhoehe.platform.validation.BoundedPattern;

/** A measure as its host describes it, for creation and (as a whole) for a change. */
record MeasureRequest(
        @NotNull UUID networkId,
        @NotNull UUID hostPartnerId,
        @Size(max = 20) List<@NotNull UUID> coOrganiserIds,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull Type type,
        @NotEmpty @Size(max = 11) List<@NotNull TargetGroup> targetGroups,
        @NotNull Delivery delivery,
        @Schema(description = "The existing activity the measure is folded into, e.g. 'Ausbildungsmesse 2027'") @Size(max = 300) String foldedInto,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Session> sessions,
        @Schema(description = "Places of the measure; when absent, the smallest capacity of its sessions (a participant attends them all)")
        @Min(1) @Max(100000) Integer capacity,
        Instant registrationOpensAt,
        Instant registrationClosesAt,
        @Schema(description = "Cost per participant in euros; 0 = free of charge") @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal costEur,
        @Schema(description = "Who funds it, e.g. 'ESF Plus', 'Agentur für Arbeit'") @Size(max = 300) String funding,
        @Schema(description = "Language of delivery, ISO 639-1; default de") @BoundedPattern(regexp = "[a-z]{2}", max = 2) String language,
        @Schema(description = "KldB 2010 occupation groups (3 digits) the measure addresses") @Size(max = 50)
        List<@NotNull @BoundedPattern(regexp = "[0-9]{3}", max = 3) String> occupationGroups) {

    /** A session in local time of Europe/Berlin, at a place with a postal code (→ Kreis). */
    @Schema(name = "SessionRequest")
    record Session(@NotNull LocalDate date, @NotNull LocalTime startTime, @NotNull LocalTime endTime,
            @NotNull @BoundedPattern(regexp = "[0-9]{5}", max = 5) String postalCode, @NotBlank @Size(max = 300) String place,
            @Min(1) @Max(100000) Integer capacity) {
    }

    List<UUID> coOrganisers() {
        return coOrganiserIds == null ? List.of() : coOrganiserIds.stream().distinct().toList();
    }

    List<String> occupations() {
        return occupationGroups == null ? List.of() : occupationGroups.stream().distinct().sorted().toList();
    }

    String lang() {
        return language == null ? "de" : language;
    }
}
