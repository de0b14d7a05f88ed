package de.augenhoehe.vacancy.posting;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.platform.web.Versions;
import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.posting.PostingCommands.Content;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/**
 * {@code /api/vacancies} for people: a company's administrators and staff write their own postings; coordinators read
 * the postings of the companies in their networks; anyone reads a published posting. The ETag is the version; a
 * change names it in {@code If-Match}.
 */
@RestController
@Tag(name = "postings")
class PostingController {

    /** A posting that was public and is closed now (filled, expired, withdrawn): 410 for everyone but its readers. */
    static final ProblemType POSTING_CLOSED = ProblemType.of(HttpStatus.GONE, "posting-closed",
            "Nicht mehr ausgeschrieben / No longer published");

    record Reason(@Schema(maxLength = PostingCommands.MAX_REASON) String reason) {
    }

    private final PostingLifecycle lifecycle;
    private final PostingStore store;
    private final MemberCompanies members;
    private final VisitCounter counter;
    private final Visitors visitors;

    PostingController(PostingLifecycle lifecycle, PostingStore store, MemberCompanies members, VisitCounter counter, Visitors visitors) {
        this.lifecycle = lifecycle;
        this.store = store;
        this.members = members;
        this.counter = counter;
        this.visitors = visitors;
    }

    @PostMapping("/api/vacancies")
    @Operation(summary = "Create a draft posting (administrators and staff of an active member company)")
    @ApiResponse(responseCode = "201", description = "Created as a draft; ETag = version")
    ResponseEntity<Posting> create(@RequestBody Content content) {
        UUID company = writer();
        noStatus(content);
        Posting p = lifecycle.createDraft(company, content);
        return ResponseEntity.created(URI.create("/api/vacancies/" + p.id())).eTag(etag(p)).body(p);
    }

    @GetMapping(path = "/api/vacancies/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A posting: public when published; drafts and closed postings for the company and its networks' coordinators")
    ResponseEntity<Posting> get(@PathVariable UUID id, HttpServletRequest request) {
        Posting found = store.find(id).orElseThrow(() -> ProblemException.notFound("Posting " + id));
        if (!mayRead(found)) {
            // once public, now closed: gone, so a page can say "no longer available"; never public: as if unknown
            throw found.publishedAt() != null && !PostingRules.OPEN.contains(found.status())
                    ? POSTING_CLOSED.exception("Posting " + id + " is no longer published")
                    : ProblemException.notFound("Posting " + id);
        }
        Posting p = found;
        if (p.status() == Status.PUBLISHED && !Actor.current().map(a -> a.actsFor(p.employerId())).orElse(false)) {
            counter.count(id, VisitCounter.Kind.VIEW, visitors.of(request));
        }
        return ResponseEntity.ok().eTag(etag(p)).body(p);
    }

    @PutMapping("/api/vacancies/{id}")
    @Operation(summary = "Change a draft or published posting; If-Match with the ETag read is required")
    ResponseEntity<Posting> update(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody Content content) {
        UUID company = writer();
        noStatus(content);
        Posting p = lifecycle.update(company, id, Versions.required(ifMatch), content);
        return ResponseEntity.ok().eTag(etag(p)).body(p);
    }

    @PostMapping("/api/vacancies/{id}/publish")
    @Operation(summary = "Publish a draft (If-Match optional)")
    ResponseEntity<Posting> publish(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Posting p = lifecycle.publish(writer(), id, Versions.optional(ifMatch));
        return ResponseEntity.ok().eTag(etag(p)).body(p);
    }

    @PostMapping("/api/vacancies/{id}/withdraw")
    @Operation(summary = "Take a draft or published posting offline for good, with a reason (kept with the posting, not sent in events)")
    ResponseEntity<Posting> withdraw(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Reason reason) {
        Posting p = lifecycle.withdraw(writer(), id, reason == null ? null : reason.reason(), Versions.optional(ifMatch));
        return ResponseEntity.ok().eTag(etag(p)).body(p);
    }

    @PostMapping("/api/vacancies/{id}/fill")
    @Operation(summary = "Mark a published posting filled")
    ResponseEntity<Posting> fill(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody(required = false) Reason reason) {
        Posting p = lifecycle.markFilled(writer(), id, reason == null ? null : reason.reason(), Versions.optional(ifMatch));
        return ResponseEntity.ok().eTag(etag(p)).body(p);
    }

    @PostMapping("/api/vacancies/{id}/application-click")
    @Operation(summary = "Count a click on the application route of a published posting (public; statistics for the company; once per visitor and window)")
    @ApiResponse(responseCode = "204", description = "Counted (a visitor's repeated click in the same window counts once)")
    ResponseEntity<Void> applicationClick(@PathVariable UUID id, HttpServletRequest request) {
        if (!counter.count(id, VisitCounter.Kind.APPLICATION_CLICK, visitors.of(request))) {
            throw ProblemException.notFound("Posting " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private boolean mayRead(Posting p) {
        if (p.status() == Status.PUBLISHED) {
            return true;
        }
        return Actor.current().map(a -> a.actsFor(p.employerId()) && (a.hasRole(Roles.PARTNER_ADMIN) || a.hasRole(Roles.PARTNER_STAFF))
                || a.hasRole(Roles.COORDINATOR) && members.membershipsOf(p.employerId()).stream().anyMatch(m -> a.coordinates(m.networkId())))
                .orElse(false);
    }

    /** The company of an administrator or staff member; any other caller may not write. */
    private static UUID writer() {
        Actor a = Actor.required();
        if (a.partnerId() == null || !(a.hasRole(Roles.PARTNER_ADMIN) || a.hasRole(Roles.PARTNER_STAFF))) {
            throw ProblemException.forbidden("Only administrators and staff of a company write its postings");
        }
        return a.partnerId();
    }

    private static void noStatus(Content content) {
        if (content != null && content.status() != null) {
            throw ContentRules.failed(List.of(ContentRules.error("status", "set by publish, withdraw and fill, not in the content")));
        }
    }

    static String etag(Posting p) {
        return Versions.etag(p.version());
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        @Bean
        PublicEndpoints publicApplicationClicks() {
            return new PublicEndpoints(List.of(), List.of("/api/vacancies/*/application-click"));
        }
    }
}
