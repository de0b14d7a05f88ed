package de.augenhoehe.vacancy.posting;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher.Event;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.vacancy.posting.ContentRules.Valid;
import de.augenhoehe.vacancy.posting.PostingStore.ContentUpdate;
import de.augenhoehe.vacancy.posting.PostingStore.Existing;
import de.augenhoehe.vacancy.posting.PostingStore.NewRow;
import de.augenhoehe.vacancy.posting.Postings.CloseReason;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;

/**
 * A company's HR system keeping its postings in step by its own external ids (the integration API): idempotent
 * create-or-update, batches of up to {@link PostingCommands#MAX_BATCH} in one transaction, a full load that withdraws
 * what the HR system no longer has. The rules shared with people's writes are {@link PostingRules}.
 */
@Service
class PostingSync implements PostingCommands {

    private static final Logger log = LoggerFactory.getLogger(PostingSync.class);
    static final String FULL_LOAD = "full load";
    private static final Pattern EXTERNAL_ID = Pattern.compile(PostingCommands.EXTERNAL_ID);

    private final PostingStore store;
    private final PostingEvents events;
    private final PostingRules rules;

    PostingSync(PostingStore store, PostingEvents events, PostingRules rules) {
        this.store = store;
        this.events = events;
        this.rules = rules;
    }

    @Override
    @Transactional
    public Upserted upsert(UUID employerId, String externalId, Content content, boolean draft, Long expectedVersion) {
        checkExternalId(externalId);
        rules.requireCanPost(employerId);
        Valid valid = rules.contentRules().check(content);
        Existing existing = store.lockByExternalIds(employerId, List.of(externalId)).get(externalId);
        Instant now = rules.now();
        List<UUID> networks = events.networks(employerId);
        if (existing == null) {
            if (expectedVersion != null) {
                throw PostingRules.stale();
            }
            NewRow row = new NewRow(UUID.randomUUID(), employerId, externalId, valid, draft ? Status.DRAFT : Status.PUBLISHED, now);
            try {
                store.insert(row);
            } catch (DuplicateKeyException e) {
                // the same external id created by a concurrent request in the meantime
                throw ProblemType.CONCURRENT_MODIFICATION.exception("The posting was created concurrently; retry");
            }
            Posting created = store.find(row.id()).orElseThrow();
            if (!draft) {
                events.publish(PostingEvents.published(created, networks, now));
            }
            return new Upserted(created, Outcome.CREATED);
        }
        PostingRules.checkVersion(existing.posting(), expectedVersion);
        Posting old = existing.posting();
        if (decide(existing, valid, draft) == Outcome.UNCHANGED) {
            return new Upserted(old, Outcome.UNCHANGED);
        }
        if (store.updateAll(List.of(new ContentUpdate(old.id(), old.version(), valid, !draft, now)))[0] != 1) {
            throw PostingRules.stale();
        }
        Posting changed = store.find(old.id()).orElseThrow();
        changeEvent(old, changed, networks, now).ifPresent(events::publish);
        return new Upserted(changed, Outcome.UPDATED);
    }

    /**
     * Checks every item first (a rejected item never blocks the others), then locks the company's existing postings
     * of the batch, writes the inserts and updates as JDBC batches and their events as one outbox batch — built from
     * the values the rows were written from, without reading them back (the ingest path is benchmarked).
     */
    @Override
    @Transactional
    public BatchResult upsertBatch(UUID employerId, List<BatchItem> items, boolean fullLoad, Set<String> alsoKeep) {
        PostingCommands.checkBatchSize(items == null ? 0 : items.size());
        long started = System.nanoTime();
        rules.requireCanPost(employerId);
        Instant now = rules.now();
        List<UUID> networks = events.networks(employerId);
        SyncBatch batch = new SyncBatch(employerId, items, now);
        batch.check(rules.contentRules());
        Map<String, Existing> existing = store.lockByExternalIds(employerId, batch.accepted.keySet());
        batch.plan(existing);
        long written = System.nanoTime();
        store.insertAll(batch.inserts);
        int[] changed = store.updateAll(batch.updates);
        for (int k = 0; k < changed.length; k++) {
            if (changed[k] != 1) {
                throw new IllegalStateException("A locked posting changed under the batch: " + batch.updates.get(k).id());
            }
        }
        long eventsAt = System.nanoTime();
        events.publishAll(batch.events(existing, networks));
        if (log.isDebugEnabled()) {
            log.debug("batch of {}: checks {} ms, writes {} ms, events {} ms", items.size(), (written - started) / 1_000_000,
                    (eventsAt - written) / 1_000_000, (System.nanoTime() - eventsAt) / 1_000_000);
        }
        int withdrawn = 0;
        if (fullLoad) {
            Set<String> keep = new HashSet<>(batch.named);
            keep.addAll(alsoKeep);
            withdrawn = withdrawAllExcept(employerId, keep, networks, now);
        }
        return new BatchResult(List.of(batch.results), withdrawn);
    }

    /** The full load: the company's published postings from its HR system that the load no longer names go offline. */
    private int withdrawAllExcept(UUID employerId, Set<String> keep, List<UUID> networks, Instant now) {
        int withdrawn = 0;
        for (Posting p : store.publishedExcept(employerId, keep)) {
            Posting closed = store.close(p.id(), null, CloseReason.WITHDRAWN, FULL_LOAD, now, EnumSet.of(Status.PUBLISHED)).orElseThrow();
            PostingEvents.closed(closed, networks, now).ifPresent(events::publish);
            withdrawn++;
        }
        return withdrawn;
    }

    @Override
    public Posting findOwn(UUID employerId, String externalId) {
        checkExternalId(externalId);
        return store.findByExternalId(employerId, externalId, false).orElseThrow(() -> ProblemException.notFound("Posting " + externalId));
    }

    @Override
    @Transactional
    public Posting withdraw(UUID employerId, String externalId, String detail, Long expectedVersion) {
        return rules.close(findOwn(employerId, externalId), expectedVersion, CloseReason.WITHDRAWN, detail);
    }

    @Override
    @Transactional
    public Posting markFilled(UUID employerId, String externalId, String detail, Long expectedVersion) {
        return rules.close(findOwn(employerId, externalId), expectedVersion, CloseReason.FILLED, detail);
    }

    @Override
    public List<Posting> list(UUID employerId, Status status, String afterExternalId, int limit) {
        return store.listByEmployer(employerId, status, afterExternalId, limit);
    }

    @Override
    public Statistics statistics(UUID employerId, String externalId) {
        Posting p = findOwn(employerId, externalId);
        long[] counts = store.counts(p.id());
        return new Statistics(p.id(), p.externalId(), p.status(), counts[0], counts[1]);
    }

    /** Unchanged: same content and the same status asked for. A published posting cannot go back to draft. */
    static Outcome decide(Existing existing, Valid valid, boolean draft) {
        Posting old = existing.posting();
        if (!PostingRules.OPEN.contains(old.status())) {
            throw PostingRules.notOpen(old, "The posting is closed (" + old.status() + "); use a new external id for a new posting");
        }
        if (draft && old.status() == Status.PUBLISHED) {
            throw ProblemException.conflict("posting-published", "A published posting cannot become a draft again; withdraw it instead");
        }
        boolean sameStatus = (old.status() == Status.DRAFT) == draft;
        return sameStatus && valid.hash().equals(existing.hash()) ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    /** What a content update tells the others: {@code updated.v1} of a published posting, {@code published.v1} of a draft published. */
    static Optional<Event> changeEvent(Posting old, Posting changed, List<UUID> networks, Instant now) {
        if (old.status() == Status.PUBLISHED) {
            return Optional.of(PostingEvents.updated(changed, networks, now));
        }
        return changed.status() == Status.PUBLISHED ? Optional.of(PostingEvents.published(changed, networks, now))
                : Optional.empty();
    }

    static void checkExternalId(String externalId) {
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw ProblemException.invalid("invalid-external-id", "An external id is 1 to 200 letters, digits, '.', '_', '~' or '-'");
        }
    }

    static ItemResult rejected(String externalId, ProblemException e) {
        var problem = e.toProblem();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", String.valueOf(problem.getType()));
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        return new ItemResult(externalId, "rejected", null, null, fields);
    }
}
