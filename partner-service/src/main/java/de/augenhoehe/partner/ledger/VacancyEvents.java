package de.augenhoehe.partner.ledger;

import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;

/**
 * vacancy-events (producer not yet built; the fields read are the minimal contract): a published vacancy is a GIVE
 * VACANCIES of its employer, a vacancy closed with reason FILLED a GAIN VACANCIES_FILLED. Fields read: employerId
 * (partner), networkId (optional), openings (optional, default 1), reason (closed), occurredAt (optional).
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
        if (PUBLISHED.equals(event.type())) {
            entries.record(event, "employerId", "networkId", Category.VACANCIES, openings, "vacancies");
        } else if (CLOSED.equals(event.type()) && "FILLED".equals(upper(event.text("reason")))) {
            entries.record(event, "employerId", "networkId", Category.VACANCIES_FILLED, openings, "vacancies");
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
