package de.augenhoehe.outreach.returnees;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.outreach.returnees.ReturneeRequests.Correction;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Export;
import de.augenhoehe.outreach.returnees.ReturneeRequests.Purpose;
import de.augenhoehe.outreach.returnees.ReturneeStore.Managed;
import de.augenhoehe.outreach.returnees.ReturneeStore.MatchingInputs;
import de.augenhoehe.platform.security.Actor;
import de.augenhoehe.platform.web.ProblemException;

/**
 * A person's rights over their data: export (Art. 15), correction (Art. 16), erasure (Art. 17), withdrawal of a consent (Art. 7(3)), for
 * the person with the secret of their management link or a coordinator of the returnee's network. Anybody else gets
 * 404: whether an id exists stays unknown.
 */
@Service
class PersonalData {

    private final ReturneeStore store;
    private final Erasure erasure;
    private final List<Returnees.PersonalDataHolder> holders;
    private final ApplicationEventPublisher local;

    PersonalData(ReturneeStore store, Erasure erasure, List<Returnees.PersonalDataHolder> holders, ApplicationEventPublisher local) {
        this.store = store;
        this.erasure = erasure;
        this.holders = holders;
        this.local = local;
    }

    @Transactional
    Export export(UUID id, String token) {
        authorise(id, token);
        Map<String, Object> elsewhere = new LinkedHashMap<>();
        holders.forEach(h -> elsewhere.put(h.name(), h.export(id)));
        return new Export(store.profile(id), store.consents(id), store.mails(id), elsewhere);
    }

    /**
     * Writes the person's correction. When what matching uses changed, the old matches go and the profile is matched
     * anew (in this transaction, like at confirmation): a match that no longer fits must not stay.
     */
    @Transactional
    void correct(UUID id, Correction correction, String token) {
        authorise(id, token);
        MatchingInputs before = store.matchingInputs(id);
        store.correct(id, correction);
        MatchingInputs after = store.matchingInputs(id);
        if ("CONFIRMED".equals(after.status()) && !before.equals(after)) {
            holders.forEach(h -> h.erase(id));
            local.publishEvent(new Returnees.ProfileConfirmed(id));
        }
    }

    @Transactional
    void erase(UUID id, String token) {
        authorise(id, token);
        erasure.erase(id, Erasure.Reason.REQUEST);
    }

    @Transactional
    void withdraw(UUID id, Purpose purpose, String token) {
        authorise(id, token);
        if (!store.withdraw(id, purpose)) {
            throw ProblemException.notFound("An active " + purpose + " consent");
        }
        if (purpose == Purpose.MATCHING) {
            holders.forEach(h -> h.erase(id));
        }
    }

    /**
     * The person by their management secret, or a coordinator of the returnee's network; locks the row. The caller's
     * token is asked for only here, after the row and the link's secret: an unknown id is 404 for everybody.
     */
    private void authorise(UUID id, String token) {
        Managed row = store.managed(id).orElseThrow(() -> ProblemException.notFound("Returnee " + id));
        if (token != null) {
            if (Tokens.wellFormed(token) && row.managementHash() != null
                    && MessageDigest.isEqual(row.managementHash(), Tokens.hash(token))) {
                store.active(id);
                return;
            }
            throw ProblemException.notFound("Returnee " + id);
        }
        Actor actor = Actor.required("The management link's token or a coordinator's token is required");
        if (!actor.coordinates(row.network())) {
            throw ProblemException.notFound("Returnee " + id);
        }
    }
}
