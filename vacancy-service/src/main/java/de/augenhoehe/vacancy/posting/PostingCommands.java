package de.augenhoehe.vacancy.posting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import de.augenhoehe.platform.architecture.FeatureApi;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.vacancy.posting.Postings.GermanLevel;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.QualificationLevel;
import de.augenhoehe.vacancy.posting.Postings.SalaryPeriod;
import de.augenhoehe.vacancy.posting.Postings.Status;
import de.augenhoehe.vacancy.posting.Postings.Type;
import de.augenhoehe.vacancy.posting.Postings.WorkingTime;

/**
 * Writes to postings on behalf of a company, for the integration API (HR systems). Every method checks the posting
 * rights of the company ({@code MemberCompanies.canPost}, see the README's membership table) and that a posting
 * belongs to it (another company's posting is "not found"). Refusals are {@code ProblemException}s.
 */
@FeatureApi
public interface PostingCommands {

    /**
     * What a company writes: the same for people and HR systems. Texts are plain text; markup is rejected (no
     * sanitising: what is stored is exactly what was sent). Place of work: {@code postalCode} (coordinates and Kreis
     * from reference data) or {@code latitude}/{@code longitude}, or both (the given coordinates win, the Kreis comes
     * from the postal code).
     */
    record Content(
            @Schema(maxLength = 200, description = "Plain text; any '<' or '>' is rejected") String title,
            @Schema(maxLength = 20000, description = "Plain text with line breaks; markup (e.g. <b>, <script>) is rejected") String description,
            Type type,
            @Schema(pattern = "^[0-9]{5}$", maxLength = 5, description = "KldB 2010 occupation (5 digits, must exist)") String kldb,
            @Schema(pattern = "^[0-9]{5}$", maxLength = 5) String postalCode,
            Double latitude, Double longitude,
            WorkingTime workingTime,
            @Schema(minimum = "0", maximum = "100", description = "Share of remote work in percent (default 0)") Integer remoteShare,
            Boolean fixedTerm,
            LocalDate startDate,
            @Schema(description = "Last day of a fixed-term contract") LocalDate endDate,
            @Schema(description = "Last day the posting is online; today or later") LocalDate validThrough,
            @Schema(minimum = "1", maximum = ContentRules.MAX_OPENINGS_TEXT) Integer openings,
            QualificationLevel qualificationLevel,
            @Schema(description = "German language level required (CEFR)") GermanLevel germanLevel,
            Boolean foreignQualificationsWelcome,
            @Schema(maxLength = 30, description = "Driving licence classes, e.g. \"B\" or \"C, CE\"") String drivingLicence,
            BigDecimal salaryMin, BigDecimal salaryMax, SalaryPeriod salaryPeriod,
            @Schema(description = "http(s) URL of the application route", maxLength = MAX_APPLICATION_URL) String applicationUrl,
            @Schema(maxLength = MAX_APPLICATION_EMAIL) String applicationEmail,
            @Schema(description = "Posted by a temporary-work agency (Zeitarbeit)") Boolean temporaryAgency,
            @Schema(description = "Integration API only: DRAFT keeps the posting a draft, PUBLISHED (default) puts it online. "
                    + "Not allowed in /api/vacancies, where publish, withdraw and fill are their own requests.",
                    allowableValues = {"DRAFT", "PUBLISHED"}) Status status) {
    }

    enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }

    record Upserted(Posting posting, Outcome outcome) {
    }

    /** One item of a batch: the company's external id, its content, and whether it stays a draft. */
    record BatchItem(String externalId, Content content, boolean draft) {
    }

    /** Per item: outcome, or {@code problem} (RFC 9457 fields) when rejected. */
    record ItemResult(String externalId, String result, UUID id, Long version, Map<String, Object> problem) {
    }

    record BatchResult(List<ItemResult> items, int withdrawnByFullLoad) {
    }

    record Statistics(UUID id, String externalId, Status status, long views, long applicationClicks) {
    }

    /**
     * Creates or updates the company's posting with this external id: published directly unless {@code draft}.
     * {@code expectedVersion} (If-Match) must match the stored version when given (412 otherwise).
     */
    Upserted upsert(UUID employerId, String externalId, Content content, boolean draft, Long expectedVersion);

    /**
     * Up to {@link #MAX_BATCH} items, one transaction; a rejected item never blocks the others. With {@code fullLoad}, the company's
     * published postings whose external id is neither among the items nor in {@code alsoKeep} (items the caller could
     * not even read) are withdrawn.
     */
    BatchResult upsertBatch(UUID employerId, List<BatchItem> items, boolean fullLoad, Set<String> alsoKeep);

    Posting findOwn(UUID employerId, String externalId);

    Posting withdraw(UUID employerId, String externalId, String detail, Long expectedVersion);

    Posting markFilled(UUID employerId, String externalId, String detail, Long expectedVersion);

    /** The company's postings ordered by external id, after {@code afterExternalId}; {@code status} null for all. */
    List<Posting> list(UUID employerId, Status status, String afterExternalId, int limit);

    Statistics statistics(UUID employerId, String externalId);

    /** The most items one batch may hold (sized with {@code augenhoehe.web.max-request-size}). */
    int MAX_BATCH = 1000;
    /** Limits the rules check and the OpenAPI document declares (one number each). */
    int MAX_REASON = 500;
    int MAX_APPLICATION_URL = 2000;
    int MAX_APPLICATION_EMAIL = 254;
    /** An HR system's id of a posting: 1 to 200 characters, letters and digits first. */
    String EXTERNAL_ID = "^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$";

    /** 422 {@code batch-size} unless a batch holds 1 to {@link #MAX_BATCH} items. */
    static void checkBatchSize(int items) {
        if (items < 1 || items > MAX_BATCH) {
            throw ProblemException.invalid("batch-size", "A batch holds 1 to " + MAX_BATCH + " items");
        }
    }
}
