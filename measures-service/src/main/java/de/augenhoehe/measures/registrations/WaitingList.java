package de.augenhoehe.measures.registrations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventPublisher;

/**
 * The waiting list of a measure, in order of arrival. Called only under the measure's row lock.
 *
 * <p>Promotion rule: when places are freed, the list is walked in order and every registration whose places fit
 * into what is free is confirmed. A group that does not fit keeps its position at the front and is promoted as soon
 * as enough places are free; smaller registrations behind it may move past it meanwhile, because leaving places
 * empty while people who fit are waiting would help nobody.
 */
@Component
class WaitingList {

    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    WaitingList(JdbcTemplate jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** 1 for the first in line. */
    int position(UUID measure, long seq) {
        return jdbc.queryForObject("select count(*) from registration where measure_id = ? and status = 'WAITLISTED' and seq <= ?",
                Integer.class, measure, seq);
    }

    void promote(LockedMeasure measure, int confirmedPlaces, Instant now) {
        record Waiting(UUID id, int places, UUID sendingPartner) {
        }
        var waiting = jdbc.query("select id, places, sending_partner_id from registration where measure_id = ? and status = 'WAITLISTED' order by seq",
                (rs, n) -> new Waiting(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class)), measure.id());
        int confirmed = confirmedPlaces;
        // A measure that is cancelled, running or over takes nobody from its waiting list any more.
        if (!"OPEN".equals(measure.status()) && !"FULL".equals(measure.status())) {
            waiting = List.of();
        }
        for (Waiting w : waiting) {
            if (confirmed == measure.capacity()) {
                break;
            }
            if (w.places() > measure.capacity() - confirmed) {
                continue;
            }
            confirmed += w.places();
            jdbc.update("update registration set status = 'CONFIRMED', confirmed_at = ? where id = ?", Timestamp.from(now), w.id());
            events.publish(RegistrationEvent.PROMOTED, measure.id().toString(), new RegistrationEvent(w.id().toString(),
                    measure.id().toString(), w.places(), w.sendingPartner() == null ? null : w.sendingPartner().toString(),
                    confirmed, measure.capacity(), now));
        }
        setConfirmedPlaces(measure, confirmed);
    }

    /** Stores the count and moves the measure between OPEN and FULL; other statuses are not the registrations' to change. */
    void setConfirmedPlaces(LockedMeasure measure, int confirmed) {
        jdbc.update("""
                update measure set confirmed_places = ?,
                       status = case when status in ('OPEN', 'FULL') then (case when ? >= capacity then 'FULL' else 'OPEN' end) else status end
                where id = ?""", confirmed, confirmed, measure.id());
    }
}
