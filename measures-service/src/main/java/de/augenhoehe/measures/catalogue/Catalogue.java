package de.augenhoehe.measures.catalogue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;

/** The public catalogue: a page of the filtered measures, and their sessions as a calendar within a bounded window. */
@Service
class Catalogue {

    record Measure(UUID id, String title, String type, String status, LocalDate startsOn, LocalDate endsOn, UUID networkId,
            UUID hostPartnerId, List<String> targetGroups, List<String> kreise, Integer capacity, Integer freePlaces) {
    }

    /** {@code total}: how many measures the filter finds in all (the shape of the platform's {@code Page}). */
    record Page(List<Measure> items, int page, int size, long total) {
    }

    /** A page of the calendar: its sessions, the window it covered and whether a next page exists. */
    record CalendarPage(List<ICalendar.Event> events, LocalDate from, LocalDate to, boolean more) {
    }

    /** The calendar spans at most this many days: from {@code from} (default today) to {@code to} (default the full span). */
    static final int CALENDAR_WINDOW_DAYS = 366;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final CatalogueStore store;

    Catalogue(CatalogueStore store) {
        this.store = store;
    }

    Page page(CatalogueQuery query, int page, int size) {
        CatalogueQuery.Sql sql = checked(query).sql();
        return new Page(store.measures(sql, size, (long) page * size), page, size, store.count(sql));
    }

    CalendarPage calendar(CatalogueQuery query, int page, int size) {
        // A window, not the whole history: every measure ever held would grow the file without bound.
        LocalDate today = LocalDate.now(BERLIN);
        LocalDate from = query.from(), to = query.to();
        LocalDate start = from != null ? from : to != null && to.isBefore(today) ? to.minusDays(CALENDAR_WINDOW_DAYS - 1) : today;
        LocalDate end = to != null ? to : start.plusDays(CALENDAR_WINDOW_DAYS - 1);
        if (end.isAfter(start.plusDays(CALENDAR_WINDOW_DAYS - 1))) {
            throw ProblemException.invalidParameter("The calendar spans at most " + CALENDAR_WINDOW_DAYS + " days (from … to)");
        }
        // one more tells whether a next page exists
        List<UUID> ids = store.ids(checked(query.during(start, end)).sql(), size + 1, (long) page * size);
        List<UUID> pageIds = ids.subList(0, Math.min(size, ids.size()));
        return new CalendarPage(pageIds.isEmpty() ? List.of() : store.events(pageIds), start, end, ids.size() > size);
    }

    List<ICalendar.Event> calendarOf(UUID measure) {
        if (!store.exists(measure)) {
            throw ProblemException.notFound("Measure " + measure);
        }
        return store.events(measure);
    }

    private static CatalogueQuery checked(CatalogueQuery query) {
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw ProblemType.VALIDATION_FAILED.exception("to must not be before from");
        }
        return query;
    }
}
