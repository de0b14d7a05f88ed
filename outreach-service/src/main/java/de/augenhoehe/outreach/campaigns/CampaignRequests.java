package de.augenhoehe.outreach.campaigns;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import de.augenhoehe.platform.validation.BoundedPattern;

/** The shapes of the campaigns API. */
final class CampaignRequests {

    private CampaignRequests() {
    }

    enum Channel { DOOR_HANGER, POSTCARD, POSTER, EVENT, SOCIAL_MEDIA, NEWSPAPER }

    enum Status { DRAFT, ACTIVE, CLOSED }

    record Goal(@NotBlank @Size(max = 2000) String text, @Min(1) @Max(1_000_000) Integer target) {
    }

    record Rationale(@NotBlank @Size(max = 4000) String text, @Size(max = 2000) String monitorFinding) {
        @AssertTrue(message = "must be an http(s) link")
        boolean isMonitorFindingALink() {
            if (monitorFinding == null) {
                return true;
            }
            try {
                URI uri = URI.create(monitorFinding);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || (uri.getScheme() == null && monitorFinding.startsWith("/"));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    record Period(@NotNull LocalDate from, @NotNull LocalDate to) {
        @AssertTrue(message = "from must not be after to")
        boolean isOrdered() {
            return from == null || to == null || !from.isAfter(to);
        }
    }

    /** A campaign as a coordinator writes it (create and full update). */
    record CampaignRequest(@NotNull UUID networkId, @NotBlank @Size(max = 200) String title, @NotNull @Valid Goal goal,
            @NotNull @Valid Rationale rationale, @NotBlank @Size(max = 2000) String audience,
            @NotEmpty @Size(max = 20) Set<@NotNull Channel> channels,
            @NotEmpty @Size(max = 500) List<@NotNull @BoundedPattern(regexp = "[0-9]{5}", max = 5) String> targetAreas,
            @NotNull @Valid Period period, @Size(max = 200) Set<@NotNull UUID> partnerIds,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal budgetEur) {
    }

    record Campaign(UUID id, UUID networkId, String title, Goal goal, Rationale rationale, String audience,
            List<Channel> channels, List<String> targetAreas, Period period, List<UUID> partnerIds, BigDecimal budgetEur,
            Status status) {
    }

    record StatusChange(@NotNull Status status) {
    }

    record BatchRequest(@NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @NotNull Channel channel, @NotBlank @Size(max = 200) String area) {
    }

    record Batch(UUID id, UUID campaignId, int quantity, Channel channel, String area, String code, String scanUrl,
            int distributed) {
    }

    record DistributionRequest(UUID partnerId, @Size(max = 100) String volunteer, @Size(max = 2000) String streets,
            @Size(max = 200) List<@NotNull @BoundedPattern(regexp = "[0-9]{5}", max = 5) String> postalCodes,
            @NotNull @PastOrPresent LocalDate on, @NotNull @Min(1) @Max(1_000_000) Integer quantity) {
        @AssertTrue(message = "who: a partnerId or a volunteer label is required")
        boolean isWhoGiven() {
            return partnerId != null || (volunteer != null && !volunteer.isBlank());
        }

        @AssertTrue(message = "where: streets or postal codes are required")
        boolean isWhereGiven() {
            return (streets != null && !streets.isBlank()) || (postalCodes != null && !postalCodes.isEmpty());
        }
    }

    record Distribution(UUID id, UUID batchId, UUID partnerId, String volunteer, String streets,
            List<String> postalCodes, LocalDate on, int quantity, int batchDistributed) {
    }
}
