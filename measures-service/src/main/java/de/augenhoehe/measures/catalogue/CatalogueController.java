package de.augenhoehe.measures.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Status;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Type;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.validation.BoundedPattern;

/**
 * {@code /api/measures}: the public catalogue of the region's measures — filtered, a page at a time — and the same
 * as an iCalendar file, per filter or per measure.
 */
@RestController
@Validated
@Tag(name = "catalogue")
class CatalogueController {

    /** At most this many measures in one calendar file (the default page size); further pages by {@code page}. */
    static final int CALENDAR_LIMIT = 500;

    private final Catalogue catalogue;

    CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/measures")
    @Operation(summary = "The public catalogue, ordered by start date; every filter narrows (several values of one filter: any of them)")
    Catalogue.Page catalogue(@RequestParam(required = false) @Size(max = 50) List<Type> type,
            @RequestParam(required = false) @Size(max = 50) List<TargetGroup> targetGroup,
            @Parameter(description = "Kreisschlüssel (5 digits) of a session") @RequestParam(required = false) @Size(max = 50)
            List<@BoundedPattern(regexp = "[0-9]{5}", max = 5) String> kreis,
            @Parameter(description = "a session on or after this day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "a session on or before this day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "host or co-organiser partner id") @RequestParam(required = false) UUID host,
            @RequestParam(required = false) UUID network,
            @Parameter(description = "only measures open for registration with free places") @RequestParam(required = false) Boolean freePlaces,
            @Parameter(description = "only measures in these statuses (repeat the parameter)") @RequestParam(required = false) @Size(max = 6) List<Status> status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return catalogue.page(new CatalogueQuery(type, targetGroup, kreis, from, to, host, network, freePlaces, status), page, size);
    }

    @GetMapping(path = "/api/measures/calendar", produces = "text/calendar")
    @Operation(summary = "The filtered catalogue as an iCalendar file (RFC 5545), one event per session: measures with a session "
            + "in a window of at most 366 days (from defaults to today), at most 500 measures a page; a full page links the next (Link rel=next)")
    ResponseEntity<String> calendar(@RequestParam(required = false) @Size(max = 50) List<Type> type,
            @RequestParam(required = false) @Size(max = 50) List<TargetGroup> targetGroup,
            @RequestParam(required = false) @Size(max = 50) List<@BoundedPattern(regexp = "[0-9]{5}", max = 5) String> kreis,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID host, @RequestParam(required = false) UUID network,
            @RequestParam(required = false) Boolean freePlaces,
            @RequestParam(required = false) @Size(max = 6) List<Status> status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "" + CALENDAR_LIMIT) @Min(1) @Max(CALENDAR_LIMIT) int size) {
        Catalogue.CalendarPage calendar = catalogue.calendar(new CatalogueQuery(type, targetGroup, kreis, from, to, host, network,
                freePlaces, status), page, size);
        String next = !calendar.more() ? null : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page + 1)
                .replaceQueryParam("from", calendar.from()).replaceQueryParam("to", calendar.to()).build().toUriString();
        return ics(calendar.events(), "measures.ics", next);
    }

    @GetMapping(path = "/api/measures/{id}/calendar", produces = "text/calendar")
    @Operation(summary = "One measure's sessions as an iCalendar file (RFC 5545)")
    ResponseEntity<String> measureCalendar(@PathVariable UUID id) {
        return ics(catalogue.calendarOf(id), "measure-" + id + ".ics", null);
    }

    /** {@code next}: the link to the next page (RFC 8288 {@code Link rel=next}), or null when this is the last. */
    private static ResponseEntity<String> ics(List<ICalendar.Event> events, String filename, String next) {
        var answer = ResponseEntity.ok().contentType(MediaType.parseMediaType(ICalendar.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
        if (next != null) {
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(ICalendar.write(events, Instant.now()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {
        /** The catalogue and single measures are public; what lies below a measure (its registrations) is not. */
        @Bean
        PublicEndpoints publicCatalogue() {
            return PublicEndpoints.readOnly("/api/measures", "/api/measures/calendar", "/api/measures/*", "/api/measures/*/calendar");
        }
    }
}
