package de.augenhoehe.outreach.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.outreach.matching.MatchStore.MeasureMatchRow;
import de.augenhoehe.outreach.matching.MatchStore.VacancyMatchRow;
import de.augenhoehe.outreach.returnees.Returnees;
import de.augenhoehe.outreach.returnees.Returnees.Summary;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * The matches of a network's returnees, for its coordinators only: per match the returnee's minimal summary (read
 * for a whole page at once) and the vacancy or measure. A person no longer confirmed drops out of the page.
 */
@Service
class Matches {

    record Match(UUID returneeId, String firstName, String occupation, String region, String email, UUID vacancyId,
            String vacancyType, String kldb, String postalCode, double distanceKm, String status, Instant matchedAt) {
    }

    record MeasureMatch(UUID returneeId, String firstName, String occupation, String region, String email, UUID measureId,
            String measureType, Instant matchedAt) {
    }

    private final MatchStore store;
    private final Returnees returnees;

    Matches(MatchStore store, Returnees returnees) {
        this.store = store;
        this.returnees = returnees;
    }

    Page<Match> vacancies(Actor actor, UUID network, boolean includeClosed, int page, int size) {
        coordinatorOf(actor, network);
        List<VacancyMatchRow> rows = store.vacancyMatches(network, includeClosed, size, Page.offset(page, size));
        long total = store.countVacancyMatches(network, includeClosed);
        Map<UUID, Summary> people = returnees.summaries(rows.stream().map(VacancyMatchRow::returnee).toList());
        return new Page<>(rows.stream().flatMap(r -> Optional.ofNullable(people.get(r.returnee())).stream().map(s -> new Match(
                s.id(), s.firstName(), s.occupation(), s.region(), s.email(), r.vacancy(), r.type(), r.kldb(), r.postalCode(),
                Math.round(r.distance() * 10) / 10.0, r.status(), r.matchedAt()))).toList(), page, size, total);
    }

    Page<MeasureMatch> measures(Actor actor, UUID network, int page, int size) {
        coordinatorOf(actor, network);
        List<MeasureMatchRow> rows = store.measureMatches(network, size, Page.offset(page, size));
        long total = store.countMeasureMatches(network);
        Map<UUID, Summary> people = returnees.summaries(rows.stream().map(MeasureMatchRow::returnee).toList());
        return new Page<>(rows.stream().flatMap(r -> Optional.ofNullable(people.get(r.returnee())).stream().map(s -> new MeasureMatch(
                s.id(), s.firstName(), s.occupation(), s.region(), s.email(), r.measure(), r.type(), r.matchedAt()))).toList(),
                page, size, total);
    }

    private static void coordinatorOf(Actor actor, UUID network) {
        if (!actor.hasRole(Roles.COORDINATOR) || !actor.coordinates(network)) {
            throw ProblemException.forbidden("Only coordinators of the network see its matches");
        }
    }
}
