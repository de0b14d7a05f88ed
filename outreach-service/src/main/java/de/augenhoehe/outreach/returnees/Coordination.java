package de.augenhoehe.outreach.returnees;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.web.Page;
import de.augenhoehe.outreach.returnees.ReturneeRequests.ReturneeSummary;
import de.augenhoehe.outreach.returnees.ReturneeStore.Confirmed;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.security.Roles;
import de.augenhoehe.platform.web.ProblemException;

/**
 * The coordinators' part: the confirmed returnees of their networks (minimal data) and the recording of a return or a
 * hire, each once, with its event. A returnee of another network, or not confirmed, does not exist for them (404).
 */
@Service
class Coordination {

    private final ReturneeStore store;
    private final ReturneeEvents events;
    private final Returnees returnees;

    Coordination(ReturneeStore store, ReturneeEvents events, Returnees returnees) {
        this.store = store;
        this.events = events;
        this.returnees = returnees;
    }

    Page<ReturneeSummary> list(Actor actor, UUID network, UUID campaign, int page, int size) {
        if (!coordinator(actor).coordinates(network)) {
            throw ProblemException.forbidden("Only coordinators of the network see its returnees");
        }
        // the region names of this answer: one look-up per postal code and campaign, not per row
        Map<String, String> regions = new HashMap<>();
        return new Page<>(store.confirmedOf(network, campaign, size, Page.offset(page, size),
                (postalCode, c) -> returnees.region(postalCode, c, regions)), page, size,
                store.countConfirmedOf(network, campaign));
    }

    @Transactional
    ReturneeSummary returned(Actor actor, UUID id) {
        Confirmed row = confirmed(actor, id);
        if (row.returned()) {
            throw ProblemException.conflict("already-recorded", "The return of this returnee is already recorded");
        }
        store.returned(id);
        events.returned(id, row.network(), row.campaign());
        return store.summary(id, returnees::region);
    }

    @Transactional
    ReturneeSummary hired(Actor actor, UUID id, UUID employer) {
        Confirmed row = confirmed(actor, id);
        if (row.hired()) {
            throw ProblemException.conflict("already-recorded", "The hire of this returnee is already recorded");
        }
        store.hired(id, employer);
        events.hired(id, row.network(), row.campaign(), employer);
        return store.summary(id, returnees::region);
    }

    private Confirmed confirmed(Actor actor, UUID id) {
        coordinator(actor);
        Confirmed row = store.confirmed(id).orElseThrow(() -> ProblemException.notFound("Returnee " + id));
        if (!actor.coordinates(row.network())) {
            throw ProblemException.notFound("Returnee " + id);
        }
        return row;
    }

    private static Actor coordinator(Actor actor) {
        if (!actor.hasRole(Roles.COORDINATOR)) {
            throw ProblemException.forbidden("Returnees are for coordinators");
        }
        return actor;
    }
}
