package de.augenhoehe.partner.ledger;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;

/**
 * vacancy-events: a published vacancy is a GIVE of its employer (INTERNSHIP → INTERNSHIP_PLACES, PROJECT_DAY →
 * PROJECT_DAYS, every other type VACANCIES), a vacancy closed with reason FILLED a GAIN VACANCIES_FILLED. Quantity =
 * openings. The entry counts in each network of {@code networkIds} (the employer's active networks at publication);
 * a single {@code networkId} of earlier producers is still read. One entry per event, so the partner counts it once.
 */
@Component
class VacancyEvents implements EventHandler {

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
        var openings = RealisedEntries.number(event, "openings", 1);
        var employer = RealisedEntries.partner(event, "employerId");
        var networks = RealisedEntries.networks(event, "networkIds", "networkId");
        if (PUBLISHED.equals(event.type())) {
            entries.record(event, employer, networks, given(upper(event.text("type"))), openings, "vacancies");
        } else if (CLOSED.equals(event.type()) && "FILLED".equals(upper(event.text("reason")))) {
            entries.record(event, employer, networks, Category.VACANCIES_FILLED, openings, "vacancies");
        }
    }

    private static Category given(String type) {
        if ("INTERNSHIP".equals(type)) {
            return Category.INTERNSHIP_PLACES;
        }
        return "PROJECT_DAY".equals(type) ? Category.PROJECT_DAYS : Category.VACANCIES;
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
