package de.augenhoehe.partner.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;

/**
 * vacancy-events: a posting <b>gives when it is filled</b> (README, "When a posting counts as given"). A vacancy closed
 * with reason FILLED is a GIVE of its employer (INTERNSHIP → INTERNSHIP_PLACES, PROJECT_DAY → PROJECT_DAYS, every other
 * type VACANCIES) and a GAIN VACANCIES_FILLED, quantity = openings. Publishing gives nothing yet (an offer is not a
 * contribution until someone took it), a posting withdrawn or expired unfilled never gives. Only the one closing event
 * of a posting makes entries, so redelivered, replayed and out-of-order events cannot count a posting twice or count
 * one that was never filled; the cause (vacancy id) is a second guard. The entry counts in each network of
 * {@code networkIds}; a single {@code networkId} of earlier producers is still read.
 */
@Component
class VacancyEvents implements EventHandler {

    /** Read and recorded as consumed, but it makes no entry: publishing a posting gives nothing yet. */
    static final String PUBLISHED = "augenhoehe.vacancy.published.v1";
    static final String CLOSED = "augenhoehe.vacancy.closed.v1";

    private final RealisedEntries entries;

    VacancyEvents(RealisedEntries entries) {
        this.entries = entries;
    }

    @Override
    public String topic() {
        return "vacancy-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PUBLISHED, CLOSED);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (!CLOSED.equals(event.type()) || !"FILLED".equals(upper(event.text("reason")))) {
            return;
        }
        var openings = RealisedEntries.number(event, "openings", 1);
        var employer = RealisedEntries.partner(event, "employerId");
        var networks = RealisedEntries.networks(event, "networkIds", "networkId");
        String cause = RealisedEntries.cause(event, "vacancyId");
        String type = upper(event.text("type"));
        if ("PROJECT_DAY".equals(type)) {
            // A project-day posting's openings are pupil places; the day itself is one project day.
            entries.record(event, cause, employer, networks, Category.PROJECT_DAYS, BigDecimal.ONE);
            entries.record(event, cause, employer, networks, Category.PUPIL_PLACES, openings);
        } else {
            entries.record(event, cause, employer, networks, "INTERNSHIP".equals(type) ? Category.INTERNSHIP_PLACES : Category.VACANCIES, openings);
        }
        entries.record(event, cause, employer, networks, Category.VACANCIES_FILLED, openings);
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
