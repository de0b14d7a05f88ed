package de.augenhoehe.vacancy.posting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.platform.events.EventPublisher;
import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.vacancy.employers.MemberCompanies;
import de.augenhoehe.vacancy.posting.ContentRules.Valid;
import de.augenhoehe.vacancy.posting.PostingStore.ContentUpdate;
import de.augenhoehe.vacancy.posting.PostingStore.Existing;
import de.augenhoehe.vacancy.posting.PostingStore.NewRow;
import de.augenhoehe.vacancy.posting.Postings.CloseReason;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.Status;
import de.augenhoehe.vacancy.referencedata.ReferenceData;
import de.augenhoehe.platform.web.ProblemType;

/**
 * The lifecycle of a posting — draft → published → filled / expired / withdrawn — with the company's posting rights
 * (README, "What a membership means for postings"), optimistic locking and the events, each change in one transaction.
 * The company is always given by the caller (from the token); a posting of another company is "not found".
 */
@Service
class PostingService implements PostingCommands {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PostingService.class);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final int MAX_BATCH = 1000;
    static final String FULL_LOAD = "full load";
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$");
    private static final Set<Status> OPEN = EnumSet.of(Status.DRAFT, Status.PUBLISHED);

    private final PostingStore store;
    private final PostingEvents events;
    private final MemberCompanies members;
    private final ReferenceData reference;
    private final Clock clock;

    PostingService(PostingStore store, PostingEvents events, MemberCompanies members, ReferenceData reference, Clock clock) {
        this.store = store;
        this.events = events;
        this.members = members;
        this.reference = reference;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ---- people: postings by id ----

    @Transactional
    Posting createDraft(UUID employerId, Content content) {
        requireCanPost(employerId);
        Valid valid = new ContentRules(reference, today()).check(content);
        UUID id = UUID.randomUUID();
        store.insert(new NewRow(id, employerId, null, valid, Status.DRAFT, clock.instant()));
        return store.find(id).orElseThrow();
    }

    @Transactional
    Posting update(UUID employerId, UUID id, long expectedVersion, Content content) {
        Posting p = own(employerId, id);
        return change(p, expectedVersion, content, false);
    }

    @Transactional
    Posting publish(UUID employerId, UUID id, Long expectedVersion) {
        Posting p = own(employerId, id);
        requireCanPost(employerId);
        checkVersion(p, expectedVersion);
        if (p.status() != Status.DRAFT) {
            throw notOpen(p, "Only a draft can be published");
        }
        if (p.validThrough().isBefore(today())) {
            throw ContentRules.failed(List.of(ContentRules.error("validThrough", "lies in the past; change the draft first")));
        }
        Instant now = clock.instant();
        if (!store.publish(id, p.version(), now)) {
            throw stale();
        }
        Posting published = store.find(id).orElseThrow();
        events.published(published, now);
        return published;
    }

    @Transactional
    Posting withdraw(UUID employerId, UUID id, String detail, Long expectedVersion) {
        return close(own(employerId, id), expectedVersion, CloseReason.WITHDRAWN, detail, OPEN);
    }

    @Transactional
    Posting markFilled(UUID employerId, UUID id, String detail, Long expectedVersion) {
        return close(own(employerId, id), expectedVersion, CloseReason.FILLED, detail, EnumSet.of(Status.PUBLISHED));
    }

    // ---- integration: postings by the company's external id ----

    @Override
    @Transactional
    public Upserted upsert(UUID employerId, String externalId, Content content, boolean draft, Long expectedVersion) {
        checkExternalId(externalId);
        requireCanPost(employerId);
        Valid valid = new ContentRules(reference, today()).check(content);
        Existing existing = store.lockByExternalIds(employerId, List.of(externalId)).get(externalId);
        if (existing == null) {
            if (expectedVersion != null) {
                throw stale();
            }
            UUID id = UUID.randomUUID();
            Instant now = clock.instant();
            try {
                store.insert(new NewRow(id, employerId, externalId, valid, draft ? Status.DRAFT : Status.PUBLISHED, now));
            } catch (DuplicateKeyException e) {
                // the same external id created by a concurrent request in the meantime
                throw ProblemType.CONCURRENT_MODIFICATION.exception("The posting was created concurrently; retry");
            }
            Posting created = store.find(id).orElseThrow();
            if (!draft) {
                events.published(created, now);
            }
            return new Upserted(created, Outcome.CREATED);
        }
        checkVersion(existing.posting(), expectedVersion);
        return apply(existing, valid, draft, events.networks(employerId), clock.instant());
    }

    @Override
    @Transactional
    public BatchResult upsertBatch(UUID employerId, List<BatchItem> items, boolean fullLoad, Set<String> alsoKeep) {
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw ProblemException.invalid("batch-size", "A batch holds 1 to " + MAX_BATCH + " postings");
        }
        long started = System.nanoTime();
        requireCanPost(employerId);
        ContentRules rules = new ContentRules(reference, today());
        Instant now = clock.instant();
        List<UUID> networks = events.networks(employerId);
        ItemResult[] results = new ItemResult[items.size()];
        Map<String, Integer> accepted = new LinkedHashMap<>();
        Map<Integer, Valid> valid = new LinkedHashMap<>();
        Set<String> named = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            BatchItem item = items.get(i);
            String externalId = item == null ? null : item.externalId();
            try {
                if (item == null) {
                    throw ProblemException.invalid("validation-failed", "Item " + i + " is empty");
                }
                checkExternalId(externalId);
                if (!named.add(externalId)) {
                    throw ProblemException.invalid("duplicate-external-id", "The external id occurs earlier in this batch");
                }
                valid.put(i, rules.check(item.content()));
                accepted.put(externalId, i);
            } catch (ProblemException e) {
                results[i] = rejected(externalId, e);
            }
        }
        Map<String, Existing> existing = store.lockByExternalIds(employerId, accepted.keySet());
        List<NewRow> inserts = new ArrayList<>();
        List<ContentUpdate> updates = new ArrayList<>();
        for (var e : accepted.entrySet()) {
            int i = e.getValue();
            BatchItem item = items.get(i);
            Existing old = existing.get(e.getKey());
            if (old == null) {
                UUID id = UUID.randomUUID();
                inserts.add(new NewRow(id, employerId, e.getKey(), valid.get(i), item.draft() ? Status.DRAFT : Status.PUBLISHED, now));
                results[i] = new ItemResult(e.getKey(), "created", id, 0L, null);
                continue;
            }
            try {
                Outcome outcome = decide(old, valid.get(i), item.draft());
                if (outcome == Outcome.UNCHANGED) {
                    results[i] = new ItemResult(e.getKey(), "unchanged", old.posting().id(), old.posting().version(), null);
                } else {
                    updates.add(new ContentUpdate(old.posting().id(), old.posting().version(), valid.get(i), !item.draft(), now));
                    results[i] = new ItemResult(e.getKey(), "updated", old.posting().id(), old.posting().version() + 1, null);
                }
            } catch (ProblemException problem) {
                results[i] = rejected(e.getKey(), problem);
            }
        }
        long written = System.nanoTime();
        store.insertAll(inserts);
        int[] changed = store.updateAll(updates);
        for (int k = 0; k < changed.length; k++) {
            if (changed[k] != 1) {
                throw new IllegalStateException("A locked posting changed under the batch: " + updates.get(k).id());
            }
        }
        long eventsAt = System.nanoTime();
        // events from what was written, without reading it back: the same values the rows were built from; all of
        // them as one outbox batch insert
        List<EventPublisher.Event> outgoing = new ArrayList<>(inserts.size() + updates.size());
        for (NewRow r : inserts) {
            if (r.status() == Status.PUBLISHED) {
                outgoing.add(PostingEvents.publishedEvent(PostingStore.asPosting(r), networks, now));
            }
        }
        Map<UUID, Posting> before = new java.util.HashMap<>();
        existing.values().forEach(x -> before.put(x.posting().id(), x.posting()));
        for (ContentUpdate u : updates) {
            Posting old = before.get(u.id());
            Posting p = PostingStore.asPosting(new NewRow(old.id(), employerId, old.externalId(), u.content(),
                    u.publish() ? Status.PUBLISHED : old.status(), old.createdAt()), old, now);
            if (old.status() == Status.PUBLISHED) {
                outgoing.add(PostingEvents.updatedEvent(p, networks, now));
            } else if (p.status() == Status.PUBLISHED) {
                outgoing.add(PostingEvents.publishedEvent(p, networks, now));
            }
        }
        this.events.publishAll(outgoing);
        long done = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("batch of {}: checks {} ms, writes {} ms, events {} ms", items.size(), (written - started) / 1_000_000,
                    (eventsAt - written) / 1_000_000, (done - eventsAt) / 1_000_000);
        }
        int withdrawn = 0;
        if (fullLoad) {
            Set<String> keep = new HashSet<>(named);
            keep.addAll(alsoKeep);
            for (Posting p : store.publishedExcept(employerId, keep)) {
                Posting closed = store.close(p.id(), null, CloseReason.WITHDRAWN, FULL_LOAD, now, EnumSet.of(Status.PUBLISHED)).orElseThrow();
                events.closed(closed, networks, now);
                withdrawn++;
            }
        }
        return new BatchResult(List.of(results), withdrawn);
    }

    @Override
    public Posting findOwn(UUID employerId, String externalId) {
        checkExternalId(externalId);
        return store.findByExternalId(employerId, externalId, false).orElseThrow(() -> ProblemException.notFound("Posting " + externalId));
    }

    @Override
    @Transactional
    public Posting withdraw(UUID employerId, String externalId, String detail, Long expectedVersion) {
        return close(findOwn(employerId, externalId), expectedVersion, CloseReason.WITHDRAWN, detail, OPEN);
    }

    @Override
    @Transactional
    public Posting markFilled(UUID employerId, String externalId, String detail, Long expectedVersion) {
        return close(findOwn(employerId, externalId), expectedVersion, CloseReason.FILLED, detail, EnumSet.of(Status.PUBLISHED));
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

    // ---- rules ----

    private Upserted apply(Existing existing, Valid valid, boolean draft, List<UUID> networks, Instant now) {
        Posting old = existing.posting();
        Outcome outcome = decide(existing, valid, draft);
        if (outcome == Outcome.UNCHANGED) {
            return new Upserted(old, Outcome.UNCHANGED);
        }
        if (store.updateAll(List.of(new ContentUpdate(old.id(), old.version(), valid, !draft, now)))[0] != 1) {
            throw stale();
        }
        Posting p = store.find(old.id()).orElseThrow();
        if (old.status() == Status.PUBLISHED) {
            events.updated(p, networks, now);
        } else if (p.status() == Status.PUBLISHED) {
            events.published(p, networks, now);
        }
        return new Upserted(p, Outcome.UPDATED);
    }

    /** Unchanged: same content and the same status asked for. A published posting cannot go back to draft. */
    private static Outcome decide(Existing existing, Valid valid, boolean draft) {
        Posting old = existing.posting();
        if (!OPEN.contains(old.status())) {
            throw notOpen(old, "The posting is closed (" + old.status() + "); use a new external id for a new posting");
        }
        if (draft && old.status() == Status.PUBLISHED) {
            throw ProblemException.conflict("posting-published", "A published posting cannot become a draft again; withdraw it instead");
        }
        boolean sameStatus = (old.status() == Status.DRAFT) == draft;
        return sameStatus && valid.hash().equals(existing.hash()) ? Outcome.UNCHANGED : Outcome.UPDATED;
    }

    private Posting change(Posting p, long expectedVersion, Content content, boolean publish) {
        checkVersion(p, expectedVersion);
        if (!OPEN.contains(p.status())) {
            throw notOpen(p, "A closed posting cannot be changed");
        }
        requireCanPost(p.employerId());
        Valid valid = new ContentRules(reference, today()).check(content);
        Instant now = clock.instant();
        if (store.updateAll(List.of(new ContentUpdate(p.id(), expectedVersion, valid, publish, now)))[0] != 1) {
            throw stale();
        }
        Posting changed = store.find(p.id()).orElseThrow();
        if (p.status() == Status.PUBLISHED) {
            events.updated(changed, now);
        }
        return changed;
    }

    private Posting close(Posting p, Long expectedVersion, CloseReason reason, String detail, Set<Status> from) {
        checkVersion(p, expectedVersion);
        if (!from.contains(p.status())) {
            throw notOpen(p, "A posting in status " + p.status() + " cannot be " + (reason == CloseReason.FILLED ? "marked filled" : "withdrawn"));
        }
        Instant now = clock.instant();
        Posting closed = store.close(p.id(), expectedVersion, reason, clean(detail), now, from).orElseThrow(PostingService::stale);
        events.closed(closed, now);
        return closed;
    }

    /** A posting of this company; anyone else's is "not found" (its existence is not revealed). */
    Posting own(UUID employerId, UUID id) {
        return store.find(id).filter(p -> p.employerId().equals(employerId))
                .orElseThrow(() -> ProblemException.notFound("Posting " + id));
    }

    void requireCanPost(UUID employerId) {
        if (employerId == null || !members.canPost(employerId)) {
            throw ProblemType.of(HttpStatus.FORBIDDEN, "not-an-active-member", "Keine aktive Mitgliedschaft / Not an active member").exception(
                    "Only companies with an active network membership may create, change or publish postings");
        }
    }

    private static void checkVersion(Posting p, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != p.version()) {
            throw stale();
        }
    }

    private static void checkExternalId(String externalId) {
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            throw ProblemException.invalid("invalid-external-id", "An external id is 1 to 200 letters, digits, '.', '_', '~' or '-'");
        }
    }

    /** The reason a company gives for closing: plain text, at most 500 characters (never sent in events). */
    private static String clean(String detail) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        if (detail.length() > 500 || detail.indexOf('<') >= 0 || detail.indexOf('>') >= 0) {
            throw ContentRules.failed(List.of(ContentRules.error("reason", "plain text of at most 500 characters")));
        }
        return detail.strip();
    }

    static ProblemException stale() {
        return ProblemType.PRECONDITION_FAILED.exception(
                "The posting was changed since you read it; read it again and retry");
    }

    private static ProblemException notOpen(Posting p, String detail) {
        return ProblemException.conflict("posting-" + p.status().name().toLowerCase(java.util.Locale.ROOT), detail);
    }

    private static ItemResult rejected(String externalId, ProblemException e) {
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
