package de.augenhoehe.measures.catalogue;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Type;
import de.augenhoehe.platform.security.PublicEndpoints;
import de.augenhoehe.platform.validation.BoundedPattern;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/**
 * {@code /api/measures}: the public catalogue of the region's measures — filtered, a page at a time — and the same
 * as an iCalendar file, per filter or per measure.
 */
@RestController
@Validated
@Tag(name = "catalogue")
class CatalogueController {

    record Measure(UUID id, String title, String type, String status, LocalDate startsOn, LocalDate endsOn, UUID networkId,
            UUID hostPartnerId, List<String> targetGroups, List<String> kreise, Integer capacity, Integer freePlaces) {
    }

    record Page(List<Measure> items, int page, int size) {
    }

    /** At most this many measures in one calendar file (the default page size); further pages by {@code page}. */
    static final int CALENDAR_LIMIT = 500;
    /** The calendar spans at most this many days: from {@code from} (default today) to {@code to} (default the full span). */
    static final int CALENDAR_WINDOW_DAYS = 366;
    private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

    private final JdbcTemplate jdbc;

    CatalogueController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/measures")
    @Operation(summary = "The public catalogue, ordered by start date; every filter narrows (several values of one filter: any of them)")
    Page catalogue(@RequestParam(required = false) List<Type> type,
            @RequestParam(required = false) List<TargetGroup> targetGroup,
            @Parameter(description = "Kreisschlüssel (5 digits) of a session") @RequestParam(required = false) @Size(max = 50)
            List<@BoundedPattern(regexp = "[0-9]{5}", max = 5) String> kreis,
            @Parameter(description = "a session on or after this day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "a session on or before this day") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "host or co-organiser partner id") @RequestParam(required = false) UUID host,
            @RequestParam(required = false) UUID network,
            @Parameter(description = "only measures open for registration with free places") @RequestParam(required = false) Boolean freePlaces,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var sql = query(type, targetGroup, kreis, from, to, host, network, freePlaces).sql();
        List<Object> args = new ArrayList<>(sql.args());
        args.add(size);
        args.add((long) page * size);
        List<Measure> items = jdbc.query("""
                select m.id, m.title, m.type, m.status, m.starts_on, m.network_id, m.host_partner_id, m.target_groups, m.capacity,
                       m.confirmed_places,
                       (select max(s.day) from measure_session s where s.measure_id = m.id) as ends_on,
                       (select array_agg(distinct s.kreis) from measure_session s where s.measure_id = m.id) as kreise
                from measure m""" + sql.where() + " order by m.starts_on nulls last, m.id limit ? offset ?",
                (rs, n) -> {
                    Integer capacity = (Integer) rs.getObject("capacity");
                    return new Measure(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("type"),
                            rs.getString("status"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                            rs.getObject("network_id", UUID.class), rs.getObject("host_partner_id", UUID.class),
                            strings(rs.getArray("target_groups")), strings(rs.getArray("kreise")), capacity,
                            capacity == null ? null : Math.max(0, capacity - rs.getInt("confirmed_places")));
                }, args.toArray());
        return new Page(items, page, size);
    }

    @GetMapping(path = "/api/measures/calendar", produces = "text/calendar")
    @Operation(summary = "The filtered catalogue as an iCalendar file (RFC 5545), one event per session: measures with a session "
            + "in a window of at most 366 days (from defaults to today), at most 500 measures a page; a full page links the next (Link rel=next)")
    ResponseEntity<String> calendar(@RequestParam(required = false) List<Type> type,
            @RequestParam(required = false) List<TargetGroup> targetGroup,
            @RequestParam(required = false) @Size(max = 50) List<@BoundedPattern(regexp = "[0-9]{5}", max = 5) String> kreis,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID host, @RequestParam(required = false) UUID network,
            @RequestParam(required = false) Boolean freePlaces,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1000) int page,
            @RequestParam(defaultValue = "" + CALENDAR_LIMIT) @Min(1) @Max(CALENDAR_LIMIT) int size) {
        // A window, not the whole history: every measure ever held would grow the file without bound.
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate start = from != null ? from : to != null && to.isBefore(today) ? to.minusDays(CALENDAR_WINDOW_DAYS - 1) : today;
        LocalDate end = to != null ? to : start.plusDays(CALENDAR_WINDOW_DAYS - 1);
        if (end.isAfter(start.plusDays(CALENDAR_WINDOW_DAYS - 1))) {
            throw ProblemException.invalidParameter("The calendar spans at most " + CALENDAR_WINDOW_DAYS + " days (from … to)");
        }
        var sql = query(type, targetGroup, kreis, start, end, host, network, freePlaces).sql();
        List<Object> args = new ArrayList<>(sql.args());
        args.add(size + 1); // one more tells whether a next page exists
        args.add((long) page * size);
        List<UUID> ids = jdbc.queryForList("select m.id from measure m" + sql.where()
                + " order by m.starts_on nulls last, m.id limit ? offset ?", UUID.class, args.toArray());
        String next = ids.size() <= size ? null : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page + 1)
                .replaceQueryParam("from", start).replaceQueryParam("to", end).build().toUriString();
        List<UUID> pageIds = ids.subList(0, Math.min(size, ids.size()));
        return ics(pageIds.isEmpty() ? List.of() : events("m.id = any(?)", new Object[] {pageIds.toArray(UUID[]::new)}),
                "measures.ics", next);
    }

    @GetMapping(path = "/api/measures/{id}/calendar", produces = "text/calendar")
    @Operation(summary = "One measure's sessions as an iCalendar file (RFC 5545)")
    ResponseEntity<String> measureCalendar(@PathVariable UUID id) {
        if (jdbc.queryForList("select 1 from measure where id = ?", Integer.class, id).isEmpty()) {
            throw ProblemException.notFound("Measure " + id);
        }
        return ics(events("m.id = ?", new Object[] {id}), "measure-" + id + ".ics", null);
    }

    private List<ICalendar.Event> events(String condition, Object[] args) {
        return jdbc.query("""
                select s.id, m.id as measure_id, m.title, m.description, s.day, s.start_time, s.end_time, s.place, s.postal_code,
                       m.status, coalesce(m.updated_at, m.created_at) as modified
                from measure_session s join measure m on m.id = s.measure_id
                where\s""" + condition + " order by s.day, s.start_time, s.id",
                (rs, n) -> new ICalendar.Event(rs.getObject("id", UUID.class), rs.getObject("measure_id", UUID.class),
                        rs.getString("title"), rs.getString("description"), rs.getObject("day", LocalDate.class),
                        rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                        rs.getString("place") + ", " + rs.getString("postal_code"), "CANCELLED".equals(rs.getString("status")),
                        instant(rs.getTimestamp("modified"))), args);
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

    private static CatalogueQuery query(List<Type> type, List<TargetGroup> targetGroup, List<String> kreis, LocalDate from,
            LocalDate to, UUID host, UUID network, Boolean freePlaces) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemType.VALIDATION_FAILED.exception("to must not be before from");
        }
        return new CatalogueQuery(type, targetGroup, kreis, from, to, host, network, freePlaces);
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(Object::toString).toList();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
