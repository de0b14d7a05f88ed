package de.augenhoehe.vacancy.integration;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;
import de.augenhoehe.vacancy.posting.PostingCommands;
import de.augenhoehe.vacancy.posting.PostingCommands.BatchItem;
import de.augenhoehe.vacancy.posting.PostingCommands.BatchResult;
import de.augenhoehe.vacancy.posting.PostingCommands.Content;
import de.augenhoehe.vacancy.posting.PostingCommands.ItemResult;
import de.augenhoehe.vacancy.posting.PostingCommands.Statistics;
import de.augenhoehe.vacancy.posting.PostingCommands.Upserted;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/**
 * {@code /integration/v1/vacancies}: member companies' HR systems (OAuth2 client credentials, role {@code hr_client},
 * {@code partner_id} = the company) keep their postings in sync by their own external ids. A company only ever sees
 * its own postings: another company's external id is simply not found.
 */
@RestController
@Tag(name = "integration")
class IntegrationController {

    static final String BASE = "/integration/v1/vacancies";
    static final int MAX_PAGE = 200;

    record Written(@Schema(allowableValues = {"created", "updated", "unchanged"}) String result, Posting posting) {
    }

    record Batch(@ArraySchema(maxItems = PostingCommands.MAX_BATCH, schema = @Schema(description = "1 to 1,000 items {externalId, posting};"
            + " each is read and checked on its own")) List<JsonNode> items) {
    }

    record Item(String externalId, Content posting) {
    }

    record BatchAnswer(List<ItemResult> items, Map<String, Integer> summary, int withdrawnByFullLoad) {
    }

    record Page(List<Posting> items, @Schema(description = "pass as 'after' for the next page; null on the last") String next) {
    }

    record Reason(@Schema(maxLength = PostingCommands.MAX_REASON) String reason) {
    }

    /** A batch of which no item could be written: 422 with each item's result as in a 207 answer. */
    static final ProblemType ALL_REJECTED = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "batch-rejected",
            "Ungültige Eingabe / Invalid input");

    private final PostingCommands postings;
    private final JsonMapper json;

    IntegrationController(PostingCommands postings, JsonMapper json) {
        this.postings = postings;
        this.json = json;
    }

    @PutMapping(BASE + "/{externalId}")
    @Operation(summary = "Create or update the company's posting with this external id (idempotent); If-Match honoured")
    @ApiResponse(responseCode = "201", description = "Created (result 'created'); ETag = version")
    @ApiResponse(responseCode = "200", description = "Updated or unchanged (result 'updated', 'unchanged'); ETag = version")
    ResponseEntity<Written> put(@PathVariable @Parameter(schema = @Schema(pattern = PostingCommands.EXTERNAL_ID, maxLength = 200)) String externalId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody Content content) {
        Upserted u = postings.upsert(company(), externalId, content, content != null && content.status() == Status.DRAFT,
                Versions.optional(ifMatch));
        String result = u.outcome().name().toLowerCase(Locale.ROOT);
        var answer = u.outcome() == PostingCommands.Outcome.CREATED
                ? ResponseEntity.created(URI.create(BASE + "/" + externalId)) : ResponseEntity.ok();
        return answer.eTag(Versions.etag(u.posting().version())).body(new Written(result, u.posting()));
    }

    @GetMapping(BASE + "/{externalId}")
    @Operation(summary = "The company's posting with this external id")
    ResponseEntity<Posting> get(@PathVariable @Parameter(schema = @Schema(pattern = PostingCommands.EXTERNAL_ID, maxLength = 200)) String externalId) {
        Posting p = postings.findOwn(company(), externalId);
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @PostMapping(BASE + ":batch")
    @Operation(summary = "Up to 1,000 postings at once, each with its own result; 207 when the results are mixed. "
            + "mode=full-load: the company's published postings missing from the batch are withdrawn (detail 'full load')")
    ResponseEntity<BatchAnswer> batch(@RequestBody Batch batch,
            @Parameter(description = "full-load or empty", schema = @Schema(allowableValues = "full-load")) @RequestParam(required = false) String mode) {
        UUID company = company();
        boolean fullLoad = "full-load".equals(mode);
        if (mode != null && !fullLoad) {
            throw ProblemException.invalidParameter("mode is 'full-load' or absent");
        }
        PostingCommands.checkBatchSize(batch == null || batch.items() == null ? 0 : batch.items().size());
        // Items are read one by one, so that one unreadable item is rejected alone.
        List<BatchItem> items = new ArrayList<>();
        Map<Integer, ItemResult> unreadable = new LinkedHashMap<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            JsonNode node = batch.items().get(i);
            try {
                Item item = json.treeToValue(node, Item.class);
                items.add(new BatchItem(item.externalId(), item.posting(),
                        item.posting() != null && item.posting().status() == Status.DRAFT));
                positions.add(i);
            } catch (JacksonException | IllegalArgumentException e) {
                String externalId = node != null && node.isObject() && node.get("externalId") != null && node.get("externalId").isString()
                        ? node.get("externalId").asString() : null;
                unreadable.put(i, new ItemResult(externalId, "rejected", null, null, Map.of(
                        "type", "urn:augenhoehe:problem:malformed-request", "title", "Fehlerhafte Anfrage / Malformed request",
                        "status", 400, "detail", "Item " + i + " is not a posting of the expected shape")));
            }
        }
        Set<String> unreadableIds = new HashSet<>();
        unreadable.values().stream().map(ItemResult::externalId).filter(Objects::nonNull).forEach(unreadableIds::add);
        // a full load with nothing readable withdraws nothing: an HR system's broken export must not empty the portal
        BatchResult result = items.isEmpty() ? new BatchResult(List.of(), 0) : postings.upsertBatch(company, items, fullLoad, unreadableIds);
        ItemResult[] all = new ItemResult[batch.items().size()];
        unreadable.forEach((i, r) -> all[i] = r);
        for (int k = 0; k < positions.size(); k++) {
            all[positions.get(k)] = result.items().get(k);
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        for (String r : List.of("created", "updated", "unchanged", "rejected")) {
            summary.put(r, 0);
        }
        for (ItemResult r : all) {
            summary.merge(r.result(), 1, Integer::sum);
        }
        int rejected = summary.get("rejected");
        if (rejected == all.length && rejected > 0) { // an error, so a problem (#16), with the same members as the answer
            throw ALL_REJECTED.exception("Every item of the batch was rejected; each item's result says why", Map.of(
                    "items", List.of(all), "summary", summary, "withdrawnByFullLoad", result.withdrawnByFullLoad()));
        }
        HttpStatus status = rejected == 0 ? HttpStatus.OK : HttpStatus.MULTI_STATUS;
        return ResponseEntity.status(status).body(new BatchAnswer(List.of(all), summary, result.withdrawnByFullLoad()));
    }

    @PostMapping(BASE + "/{externalId}/withdraw")
    @Operation(summary = "Take the posting offline for good (reason kept with the posting, not sent in events)")
    ResponseEntity<Posting> withdraw(@PathVariable @Parameter(schema = @Schema(pattern = PostingCommands.EXTERNAL_ID, maxLength = 200)) String externalId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Reason reason) {
        Posting p = postings.withdraw(company(), externalId, reason == null ? null : reason.reason(), Versions.optional(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @PostMapping(BASE + "/{externalId}/fill")
    @Operation(summary = "Mark the published posting filled")
    ResponseEntity<Posting> fill(@PathVariable @Parameter(schema = @Schema(pattern = PostingCommands.EXTERNAL_ID, maxLength = 200)) String externalId, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Reason reason) {
        Posting p = postings.markFilled(company(), externalId, reason == null ? null : reason.reason(), Versions.optional(ifMatch));
        return ResponseEntity.ok().eTag(Versions.etag(p.version())).body(p);
    }

    @GetMapping(BASE)
    @Operation(summary = "The company's postings by external id, optionally of one status; keyset paging with 'after'")
    Page list(@RequestParam(required = false) Status status,
            @Parameter(schema = @Schema(pattern = PostingCommands.EXTERNAL_ID, maxLength = 200)) @RequestParam(required = false) String after,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE)) @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalidParameter("limit is 1 to " + MAX_PAGE);
        }
        List<Posting> items = postings.list(company(), status, after, limit + 1);
        boolean more = items.size() > limit;
        List<Posting> page = more ? items.subList(0, limit) : items;
        return new Page(List.copyOf(page), more ? page.getLast().externalId() : null);
    }

    @GetMapping(BASE + "/{externalId}/statistics")
    @Operation(summary = "Views of the public posting and clicks on its application route")
    Statistics statistics(@PathVariable @Parameter(schema = @Schema(pattern = PostingCommands.EXTERNAL_ID, maxLength = 200)) String externalId) {
        return postings.statistics(company(), externalId);
    }

    /** The company an HR client acts for; other callers may not use the integration API. */
    private static UUID company() {
        Actor a = Actor.required();
        if (!a.hasRole(Roles.HR_CLIENT) || a.partnerId() == null) {
            throw ProblemException.forbidden("The integration API is for HR clients of a company (role hr_client with partner_id)");
        }
        return a.partnerId();
    }
}
