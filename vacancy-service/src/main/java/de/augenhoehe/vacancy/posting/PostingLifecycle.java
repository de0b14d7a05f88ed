package de.augenhoehe.vacancy.posting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.vacancy.posting.ContentRules.Valid;
import de.augenhoehe.vacancy.posting.PostingCommands.Content;
import de.augenhoehe.vacancy.posting.PostingStore.ContentUpdate;
import de.augenhoehe.vacancy.posting.PostingStore.NewRow;
import de.augenhoehe.vacancy.posting.Postings.CloseReason;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/**
 * A posting by id, as people write it ({@code /api/vacancies}): draft → published → filled / withdrawn, each step in
 * one transaction with its event. The company is always given by the caller (from the token); a posting of another
 * company is "not found". The rules shared with the integration API are {@link PostingRules}.
 */
@Service
class PostingLifecycle {

    private final PostingStore store;
    private final PostingEvents events;
    private final PostingRules rules;

    PostingLifecycle(PostingStore store, PostingEvents events, PostingRules rules) {
        this.store = store;
        this.events = events;
        this.rules = rules;
    }

    @Transactional
    Posting createDraft(UUID employerId, Content content) {
        rules.requireCanPost(employerId);
        Valid valid = rules.contentRules().check(content);
        UUID id = UUID.randomUUID();
        store.insert(new NewRow(id, employerId, null, valid, Status.DRAFT, rules.now()));
        return store.find(id).orElseThrow();
    }

    /** A draft or published posting changed; a published one emits {@code updated.v1}. */
    @Transactional
    Posting update(UUID employerId, UUID id, long expectedVersion, Content content) {
        Posting p = rules.own(employerId, id);
        PostingRules.checkVersion(p, expectedVersion);
        if (!PostingRules.OPEN.contains(p.status())) {
            throw PostingRules.notOpen(p, "A closed posting cannot be changed");
        }
        rules.requireCanPost(employerId);
        Valid valid = rules.contentRules().check(content);
        Instant now = rules.now();
        if (store.updateAll(List.of(new ContentUpdate(id, expectedVersion, valid, false, now)))[0] != 1) {
            throw PostingRules.stale();
        }
        Posting changed = store.find(id).orElseThrow();
        if (p.status() == Status.PUBLISHED) {
            events.publish(PostingEvents.updated(changed, events.networks(employerId), now));
        }
        return changed;
    }

    @Transactional
    Posting publish(UUID employerId, UUID id, Long expectedVersion) {
        Posting p = rules.own(employerId, id);
        rules.requireCanPost(employerId);
        PostingRules.checkVersion(p, expectedVersion);
        if (p.status() != Status.DRAFT) {
            throw PostingRules.notOpen(p, "Only a draft can be published");
        }
        if (p.validThrough().isBefore(rules.today())) {
            throw ContentRules.failed(List.of(ContentRules.error("validThrough", "lies in the past; change the draft first")));
        }
        Instant now = rules.now();
        if (!store.publish(id, p.version(), now)) {
            throw PostingRules.stale();
        }
        Posting published = store.find(id).orElseThrow();
        events.publish(PostingEvents.published(published, events.networks(employerId), now));
        return published;
    }

    @Transactional
    Posting withdraw(UUID employerId, UUID id, String detail, Long expectedVersion) {
        return rules.close(rules.own(employerId, id), expectedVersion, CloseReason.WITHDRAWN, detail);
    }

    @Transactional
    Posting markFilled(UUID employerId, UUID id, String detail, Long expectedVersion) {
        return rules.close(rules.own(employerId, id), expectedVersion, CloseReason.FILLED, detail);
    }
}
