package de.augenhoehe.outreach.matching;

import java.util.UUID;

import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.returnees.Returnees;

/** The matches are the returnee's data too: exported with them, purged on erasure or withdrawal of MATCHING. */
@Component
class MatchData implements Returnees.PersonalDataHolder {

    private final MatchStore store;

    MatchData(MatchStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "matches";
    }

    @Override
    public Object export(UUID returnee) {
        return store.export(returnee);
    }

    @Override
    public void erase(UUID returnee) {
        store.erase(returnee);
    }
}
