package de.augenhoehe.vacancy.posting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.augenhoehe.platform.events.EventPublisher.Event;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.vacancy.posting.ContentRules.Valid;
import de.augenhoehe.vacancy.posting.PostingCommands.BatchItem;
import de.augenhoehe.vacancy.posting.PostingCommands.ItemResult;
import de.augenhoehe.vacancy.posting.PostingCommands.Outcome;
import de.augenhoehe.vacancy.posting.PostingStore.ContentUpdate;
import de.augenhoehe.vacancy.posting.PostingStore.Existing;
import de.augenhoehe.vacancy.posting.PostingStore.NewRow;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/** One batch on its way: per item its checked content or its rejection, then the rows to insert and update. */
final class SyncBatch {

    final UUID employerId;
    final List<BatchItem> items;
    final Instant now;
    final ItemResult[] results;
    /** external id → position of the items that passed the checks */
    final Map<String, Integer> accepted = new LinkedHashMap<>();
    final Map<Integer, Valid> valid = new HashMap<>();
    final Set<String> named = new HashSet<>();
    final List<NewRow> inserts = new ArrayList<>();
    final List<ContentUpdate> updates = new ArrayList<>();

    SyncBatch(UUID employerId, List<BatchItem> items, Instant now) {
        this.employerId = employerId;
        this.items = items;
        this.now = now;
        this.results = new ItemResult[items.size()];
    }

    void check(ContentRules contentRules) {
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            String externalId = item == null ? null : item.externalId();
            try {
                if (item == null) {
                    throw ProblemException.invalid("validation-failed", "Item " + i + " is empty");
                }
                PostingSync.checkExternalId(externalId);
                if (!named.add(externalId)) {
                    throw ProblemException.invalid("duplicate-external-id", "The external id occurs earlier in this batch");
                }
                valid.put(i, contentRules.check(item.content()));
                accepted.put(externalId, i);
            } catch (ProblemException e) {
                results[i] = PostingSync.rejected(externalId, e);
            }
        }
    }

    /** Per accepted item: a new row, an update, unchanged, or rejected by the status of the existing posting. */
    void plan(Map<String, Existing> existing) {
        for (var e : accepted.entrySet()) {
            String externalId = e.getKey();
            int i = e.getValue();
            boolean draft = items.get(i).draft();
            Existing old = existing.get(externalId);
            if (old == null) {
                UUID id = UUID.randomUUID();
                inserts.add(new NewRow(id, employerId, externalId, valid.get(i), draft ? Status.DRAFT : Status.PUBLISHED, now));
                results[i] = new ItemResult(externalId, "created", id, 0L, null);
                continue;
            }
            Posting p = old.posting();
            try {
                if (PostingSync.decide(old, valid.get(i), draft) == Outcome.UNCHANGED) {
                    results[i] = new ItemResult(externalId, "unchanged", p.id(), p.version(), null);
                } else {
                    updates.add(new ContentUpdate(p.id(), p.version(), valid.get(i), !draft, now));
                    results[i] = new ItemResult(externalId, "updated", p.id(), p.version() + 1, null);
                }
            } catch (ProblemException problem) {
                results[i] = PostingSync.rejected(externalId, problem);
            }
        }
    }

    /** The events of what was written, from the values the rows were built from. */
    List<Event> events(Map<String, Existing> existing, List<UUID> networks) {
        List<Event> outgoing = new ArrayList<>(inserts.size() + updates.size());
        for (NewRow r : inserts) {
            if (r.status() == Status.PUBLISHED) {
                outgoing.add(PostingEvents.published(PostingStore.asPosting(r), networks, now));
            }
        }
        Map<UUID, Posting> before = new HashMap<>();
        existing.values().forEach(x -> before.put(x.posting().id(), x.posting()));
        for (ContentUpdate u : updates) {
            Posting old = before.get(u.id());
            Posting changed = PostingStore.asPosting(new NewRow(old.id(), employerId, old.externalId(), u.content(),
                    u.publish() ? Status.PUBLISHED : old.status(), old.createdAt()), old, now);
            PostingSync.changeEvent(old, changed, networks, now).ifPresent(outgoing::add);
        }
        return outgoing;
    }
}
