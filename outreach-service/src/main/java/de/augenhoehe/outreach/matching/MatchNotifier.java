package de.augenhoehe.outreach.matching;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.outreach.returnees.Returnees;
import de.augenhoehe.platform.web.ProblemException;

/**
 * Tells returnees about new matches by mail — only where their MATCH_NOTIFICATIONS consent stands at the moment of
 * sending (a withdrawal stops it at once). Runs apart from the event consumer, so a slow mail server never holds up
 * the projection; rows are taken with SKIP LOCKED, so several instances never mail twice.
 */
@Component
class MatchNotifier {

    private final JdbcTemplate jdbc;
    private final Returnees returnees;

    MatchNotifier(JdbcTemplate jdbc, Returnees returnees) {
        this.jdbc = jdbc;
        this.returnees = returnees;
    }

    record Pending(UUID returnee, UUID vacancy, String type, String kldb, String postalCode) {
    }

    @Scheduled(fixedDelayString = "${augenhoehe.outreach.matching.notify-interval:PT10S}")
    @Transactional
    public int notifyNewMatches() {
        List<Pending> pending = jdbc.query("""
                select m.returnee_id, m.vacancy_id, v.type, v.kldb, v.postal_code from returnee_match m
                join vacancy v on v.id = m.vacancy_id where m.notified_at is null and m.status = 'OPEN'
                order by m.matched_at limit 100 for update of m skip locked""",
                (rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)));
        int sent = 0;
        for (Pending p : pending) {
            String what = ("APPRENTICESHIP".equals(p.type()) || "DUAL_STUDY".equals(p.type()) ? "ein Ausbildungsplatz" : "eine Stelle")
                    + " (KldB " + p.kldb() + (p.postalCode() == null ? "" : ", PLZ " + p.postalCode()) + "), Angebot " + p.vacancy();
            try {
                if (returnees.notifyMatch(p.returnee(), what)) {
                    sent++;
                }
            } catch (ProblemException mailServerDown) {
                continue; // stays un-notified and is tried again; the mails already sent in this round are kept
            }
            // Without consent the match is still marked: it is never mailed later behind the person's back.
            jdbc.update("update returnee_match set notified_at = now() where returnee_id = ? and vacancy_id = ?",
                    p.returnee(), p.vacancy());
        }
        List<UUID[]> measures = jdbc.query("""
                select returnee_id, measure_id from returnee_measure_match where notified_at is null
                order by matched_at limit 100 for update skip locked""",
                (rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
        for (UUID[] m : measures) {
            try {
                if (returnees.notifyMatch(m[0], "eine Veranstaltung für Rückkehrende in Ihrer Region, Maßnahme " + m[1])) {
                    sent++;
                }
            } catch (ProblemException mailServerDown) {
                continue;
            }
            jdbc.update("update returnee_measure_match set notified_at = now() where returnee_id = ? and measure_id = ?", m[0], m[1]);
        }
        return sent;
    }
}
