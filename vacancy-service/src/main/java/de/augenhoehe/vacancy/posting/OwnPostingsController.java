package de.augenhoehe.vacancy.posting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ListParameters;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/**
 * {@code GET /api/vacancies/mine}: the postings of the caller's own company in every status — drafts, published,
 * filled, expired, withdrawn, created by people or by the company's HR system — for its administrators and staff.
 * The company is the token's {@code partner_id}, never a parameter: nobody can list another company's postings.
 */
@RestController
@Tag(name = "postings")
class OwnPostingsController {

    static final int MAX_PAGE = 200;

    record OwnPostingsPage(List<Posting> items,
            @Schema(description = "pass as 'after' for the next page; null on the last") String next,
            @Schema(description = "the public counters of this page's postings, in the order of items (for the company only)")
            List<Counts> statistics) {
    }

    /** Views of the public posting and clicks on its application route (once per visitor and window, VisitCounter). */
    record Counts(UUID id, long views, long applicationClicks) {
    }

    private final PostingStore store;

    OwnPostingsController(PostingStore store) {
        this.store = store;
    }

    @GetMapping(path = "/api/vacancies/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The own company's postings of all statuses, newest first (administrators and staff of a company); "
            + "keyset paging with 'after'")
    OwnPostingsPage mine(@Parameter(description = "only these statuses (repeat the parameter); all when absent")
            @RequestParam(required = false) @ArraySchema(maxItems = 5) List<Status> status,
            @Parameter(description = "the 'next' of the previous page", schema = @Schema(maxLength = Cursor.MAX_LENGTH))
            @RequestParam(required = false) String after,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE)) @RequestParam(defaultValue = "50") int limit) {
        UUID company = company();
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalidParameter("limit is 1 to " + MAX_PAGE);
        }
        List<Status> given = ListParameters.withoutBlanks(status);
        Set<Status> statuses = given == null || given.isEmpty() ? Set.of() : EnumSet.copyOf(given);
        Cursor cursor = after == null ? null : Cursor.parse(after);
        List<Posting> items = store.ownedBy(company, statuses, cursor == null ? null : cursor.createdAt(),
                cursor == null ? null : cursor.id(), limit + 1);
        boolean more = items.size() > limit;
        List<Posting> page = more ? items.subList(0, limit) : items;
        return new OwnPostingsPage(List.copyOf(page), more ? new Cursor(page.getLast().createdAt(), page.getLast().id()).format() : null,
                store.counts(page.stream().map(Posting::id).toList()));
    }

    /** Where a page ended: (created_at, id) of its last posting, opaque to clients. */
    record Cursor(Instant createdAt, UUID id) {
        /** Base64 of an instant, '|' and a UUID is about 90 characters; anything longer is no cursor of ours. */
        static final int MAX_LENGTH = 120;

        String format() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String value) {
            try {
                if (value.length() > MAX_LENGTH) {
                    throw new IllegalArgumentException("too long");
                }
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("two parts expected");
                }
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw ProblemException.invalidParameter("after is the 'next' value of a previous page");
            }
        }
    }

    /** No token: 401. A token of someone who is not an administrator or staff member of a company: 403. */
    private static UUID company() {
        Actor a = Actor.required("Sign in to see your company's postings");
        if (a.partnerId() == null || !(a.hasRole(Roles.PARTNER_ADMIN) || a.hasRole(Roles.PARTNER_STAFF))) {
            throw ProblemException.forbidden("Only administrators and staff of a company see its postings");
        }
        return a.partnerId();
    }
}
