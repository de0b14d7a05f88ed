package de.augenhoehe.vacancy.posting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import de.augenhoehe.vacancy.posting.ContentRules.Valid;
import de.augenhoehe.vacancy.posting.Postings.CloseReason;
import de.augenhoehe.vacancy.posting.Postings.GermanLevel;
import de.augenhoehe.vacancy.posting.Postings.Posting;
import de.augenhoehe.vacancy.posting.Postings.QualificationLevel;
import de.augenhoehe.vacancy.posting.Postings.SalaryPeriod;
import de.augenhoehe.vacancy.posting.Postings.Status;
import de.augenhoehe.vacancy.posting.Postings.Type;
import de.augenhoehe.vacancy.posting.Postings.WorkingTime;

/** The {@code posting} table: rows in, rows out. Rules and rights live in {@link PostingRules}, {@link PostingLifecycle} and {@link PostingSync}. */
@Repository
class PostingStore implements Postings {

    static final String COLUMNS = """
            id, employer_id, external_id, type, status, title, description, kldb, occupation_group, postal_code, place, kreis,
            latitude, longitude, working_time, remote_share, fixed_term, start_date, end_date, valid_through, openings,
            qualification_level, german_level, foreign_qualifications_welcome, driving_licence, salary_min, salary_max,
            salary_period, application_url, application_email, temporary_agency, version, created_at, updated_at,
            published_at, closed_at, close_reason, close_detail""";

    /**
     * What a company writes, one line per column: name, SQL type (given, so that JDBC needs no metadata round trip for
     * null values) and the value from the checked content. Inserts and content updates are derived from this table,
     * so a new field is one line here (and one in {@link #map}).
     */
    private static final List<Column<Valid>> CONTENT = List.of(
            new Column<>("type", Types.VARCHAR, v -> v.content().type().name()),
            new Column<>("title", Types.VARCHAR, v -> v.content().title().strip()),
            new Column<>("description", Types.VARCHAR, v -> v.content().description().strip()),
            new Column<>("kldb", Types.VARCHAR, v -> v.content().kldb()),
            new Column<>("postal_code", Types.VARCHAR, Valid::postalCode),
            new Column<>("place", Types.VARCHAR, Valid::place),
            new Column<>("kreis", Types.VARCHAR, Valid::kreis),
            new Column<>("latitude", Types.DOUBLE, Valid::latitude),
            new Column<>("longitude", Types.DOUBLE, Valid::longitude),
            new Column<>("working_time", Types.VARCHAR, v -> v.content().workingTime().name()),
            new Column<>("remote_share", Types.SMALLINT, Valid::remoteShare),
            new Column<>("fixed_term", Types.BOOLEAN, Valid::fixedTerm),
            new Column<>("start_date", Types.DATE, v -> date(v.content().startDate())),
            new Column<>("end_date", Types.DATE, v -> date(v.content().endDate())),
            new Column<>("valid_through", Types.DATE, v -> date(v.content().validThrough())),
            new Column<>("openings", Types.INTEGER, Valid::openings),
            new Column<>("qualification_level", Types.VARCHAR, v -> name(v.content().qualificationLevel())),
            new Column<>("german_level", Types.VARCHAR, v -> name(v.content().germanLevel())),
            new Column<>("foreign_qualifications_welcome", Types.BOOLEAN, Valid::foreignQualificationsWelcome),
            new Column<>("driving_licence", Types.VARCHAR, v -> v.content().drivingLicence()),
            new Column<>("salary_min", Types.NUMERIC, v -> v.content().salaryMin()),
            new Column<>("salary_max", Types.NUMERIC, v -> v.content().salaryMax()),
            new Column<>("salary_period", Types.VARCHAR, v -> name(v.content().salaryPeriod())),
            new Column<>("application_url", Types.VARCHAR, v -> v.content().applicationUrl()),
            new Column<>("application_email", Types.VARCHAR, v -> v.content().applicationEmail()),
            new Column<>("temporary_agency", Types.BOOLEAN, Valid::temporaryAgency),
            new Column<>("content_hash", Types.VARCHAR, Valid::hash));

    /** A new row: its content and what only an insert sets. */
    private static final List<Column<NewRow>> INSERTED = Column.concat(Column.of(CONTENT, NewRow::content), List.of(
            new Column<>("id", Types.OTHER, NewRow::id),
            new Column<>("employer_id", Types.OTHER, NewRow::employerId),
            new Column<>("external_id", Types.VARCHAR, NewRow::externalId),
            new Column<>("status", Types.VARCHAR, r -> r.status().name()),
            new Column<>("created_at", Types.TIMESTAMP, r -> Timestamp.from(r.now())),
            new Column<>("updated_at", Types.TIMESTAMP, r -> Timestamp.from(r.now())),
            new Column<>("published_at", Types.TIMESTAMP, r -> r.status() == Status.PUBLISHED ? Timestamp.from(r.now()) : null)));

    private static final String INSERT = "insert into posting (" + Column.names(INSERTED) + ") values ("
            + Column.placeholders(INSERTED) + ")";

    /** A content update, publishing a draft when asked; the columns after the content are bound in this order. */
    private static final List<Column<ContentUpdate>> UPDATED = Column.concat(Column.of(CONTENT, ContentUpdate::content), List.of(
            new Column<>("updated_at", Types.TIMESTAMP, u -> Timestamp.from(u.now())),
            new Column<>("publish", Types.BOOLEAN, ContentUpdate::publish),
            new Column<>("published_at", Types.TIMESTAMP, u -> Timestamp.from(u.now())),
            new Column<>("publish", Types.BOOLEAN, ContentUpdate::publish),
            new Column<>("id", Types.OTHER, ContentUpdate::id),
            new Column<>("version", Types.BIGINT, ContentUpdate::expectedVersion)));

    private static final String UPDATE = "update posting set " + Column.assignments(CONTENT) + """
            , updated_at = ?, version = version + 1,
              published_at = case when ? and status = 'DRAFT' then ? else published_at end,
              status = case when ? then 'PUBLISHED' else status end
            where id = ? and version = ? and status in ('DRAFT', 'PUBLISHED')""";

    private final JdbcTemplate jdbc;

    PostingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Posting> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from posting where id = ?", PostingStore::map, id).stream().findFirst();
    }

    Optional<Posting> findForUpdate(UUID id) {
        return jdbc.query("select " + COLUMNS + " from posting where id = ? for update", PostingStore::map, id).stream().findFirst();
    }

    Optional<Posting> findByExternalId(UUID employerId, String externalId, boolean lock) {
        return jdbc.query("select " + COLUMNS + " from posting where employer_id = ? and external_id = ?" + (lock ? " for update" : ""),
                PostingStore::map, employerId, externalId).stream().findFirst();
    }

    /** The company's postings with these external ids, locked for the batch's transaction; value: [posting, hash]. */
    Map<String, Existing> lockByExternalIds(UUID employerId, Collection<String> externalIds) {
        Map<String, Existing> found = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS + ", content_hash from posting where employer_id = ? and external_id = any(?) order by id for update");
            ps.setObject(1, employerId);
            ps.setArray(2, con.createArrayOf("text", externalIds.toArray()));
            return ps;
        }, rs -> {
            Posting p = map(rs, 0);
            found.put(p.externalId(), new Existing(p, rs.getString("content_hash")));
        });
        return found;
    }

    record Existing(Posting posting, String hash) {
    }

    record NewRow(UUID id, UUID employerId, String externalId, Valid content, Status status, Instant now) {
    }

    void insert(NewRow row) {
        insertAll(List.of(row));
    }

    /** One JDBC batch (one round trip per statement group), for the integration API's batches. */
    void insertAll(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, Column.values(INSERTED, rows), Column.types(INSERTED));
    }

    record ContentUpdate(UUID id, long expectedVersion, Valid content, boolean publish, Instant now) {
    }

    /** Content changes (and publishing a draft) for rows locked or version-checked by the caller; returns rows changed per update. */
    int[] updateAll(List<ContentUpdate> updates) {
        if (updates.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(UPDATE, Column.values(UPDATED, updates), Column.types(UPDATED));
    }

    boolean publish(UUID id, long expectedVersion, Instant now) {
        return jdbc.update("""
                update posting set status = 'PUBLISHED', published_at = ?, updated_at = ?, version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""",
                Timestamp.from(now), Timestamp.from(now), id, expectedVersion) == 1;
    }

    /**
     * Closes a posting that is in one of {@code from} (and at {@code expectedVersion} when given): the conditional
     * update makes closing happen once, whoever else tries at the same time. Empty when nothing was closed.
     */
    Optional<Posting> close(UUID id, Long expectedVersion, CloseReason reason, String detail, Instant now, Collection<Status> from) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    update posting set status = ?, close_reason = ?, close_detail = ?, closed_at = ?, updated_at = ?, version = version + 1
                    where id = ? and (?::bigint is null or version = ?) and status = any(?)
                    returning""" + " " + COLUMNS);
            ps.setString(1, reason.name());
            ps.setString(2, reason.name());
            ps.setString(3, detail);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setObject(6, id);
            ps.setObject(7, expectedVersion, Types.BIGINT);
            ps.setObject(8, expectedVersion, Types.BIGINT);
            ps.setArray(9, con.createArrayOf("text", from.stream().map(Enum::name).toArray()));
            return ps;
        }, PostingStore::map).stream().findFirst();
    }

    List<Posting> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS + " from posting where id = any(?) order by id");
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, PostingStore::map);
    }

    /** The company's published postings from the integration API whose external id is not among {@code keep}. */
    List<Posting> publishedExcept(UUID employerId, Collection<String> keep) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS + " from posting where employer_id = ? and status = 'PUBLISHED'"
                    + " and external_id is not null and not (external_id = any(?)) order by id for update");
            ps.setObject(1, employerId);
            ps.setArray(2, con.createArrayOf("text", keep.toArray()));
            return ps;
        }, PostingStore::map);
    }

    List<Posting> publishedOf(UUID employerId) {
        return jdbc.query("select " + COLUMNS + " from posting where employer_id = ? and status = 'PUBLISHED' order by id for update",
                PostingStore::map, employerId);
    }

    /** The counters of these postings, in their order. */
    List<OwnPostingsController.Counts> counts(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, OwnPostingsController.Counts> byId = new HashMap<>();
        jdbc.query("select id, views, application_clicks from posting where id = any(?)",
                (RowCallbackHandler) rs -> byId.put(rs.getObject(1, UUID.class),
                        new OwnPostingsController.Counts(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3))),
                (Object) ids.toArray(UUID[]::new));
        return ids.stream().map(byId::get).toList();
    }

    /** [views, application clicks] */
    long[] counts(UUID id) {
        return jdbc.queryForObject("select views, application_clicks from posting where id = ?",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, id);
    }

    /**
     * Expires up to {@code limit} published postings whose valid-through lies before {@code today}. Rows another
     * instance is expiring are skipped (SKIP LOCKED), and the update is conditional on PUBLISHED: each posting
     * expires exactly once.
     */
    List<Posting> expireDue(LocalDate today, Instant now, int limit) {
        return jdbc.query("""
                with due as (select id from posting where status = 'PUBLISHED' and valid_through < ?
                             order by valid_through, id limit ? for update skip locked)
                update posting p set status = 'EXPIRED', close_reason = 'EXPIRED', close_detail = null, closed_at = ?,
                    updated_at = ?, version = p.version + 1
                from due where p.id = due.id and p.status = 'PUBLISHED'
                returning""" + " " + COLUMNS.replace("id, employer_id", "p.id, employer_id").replace("version, created_at", "p.version, created_at"),
                PostingStore::map, Date.valueOf(today), limit, Timestamp.from(now), Timestamp.from(now));
    }

    List<Posting> listByEmployer(UUID employerId, Status status, String afterExternalId, int limit) {
        return jdbc.query("select " + COLUMNS + " from posting where employer_id = ? and external_id is not null"
                + " and (?::text is null or status = ?) and (?::text is null or external_id > ?) order by external_id limit ?",
                PostingStore::map, employerId, status == null ? null : status.name(), status == null ? null : status.name(),
                afterExternalId, afterExternalId, limit);
    }

    /**
     * The company's postings of every origin (people and HR systems), newest first, after the keyset
     * ({@code afterCreatedAt}, {@code afterId}) when given; of the given statuses, or all when empty. Uses the
     * (employer_id, status) index and sorts the company's rows: no index of its own, so the ingest path pays nothing for it.
     */
    List<Posting> ownedBy(UUID employerId, Collection<Status> statuses, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + COLUMNS + " from posting where employer_id = ?"
                    + " and (cardinality(?::text[]) = 0 or status = any(?::text[]))"
                    + " and (?::timestamptz is null or (created_at, id) < (?::timestamptz, ?::uuid))"
                    + " order by created_at desc, id desc limit ?");
            var names = con.createArrayOf("text", statuses.stream().map(Enum::name).toArray());
            Timestamp after = afterCreatedAt == null ? null : Timestamp.from(afterCreatedAt);
            ps.setObject(1, employerId);
            ps.setArray(2, names);
            ps.setArray(3, names);
            ps.setTimestamp(4, after);
            ps.setTimestamp(5, after);
            ps.setObject(6, afterId, Types.OTHER);
            ps.setInt(7, limit);
            return ps;
        }, PostingStore::map);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** The row an insert writes, as a posting (what reading it back would give, without the round trip). */
    static Posting asPosting(NewRow r) {
        return asPosting(r, null, r.now());
    }

    /** A content update of {@code old} (or a new row when null) as it is after the write. */
    static Posting asPosting(NewRow r, Posting old, Instant now) {
        Valid v = r.content();
        var c = v.content();
        Instant publishedAt = old != null && old.publishedAt() != null ? old.publishedAt() : r.status() == Status.PUBLISHED ? now : null;
        return new Posting(r.id(), r.employerId(), r.externalId(), c.type(), r.status(), c.title().strip(), c.description().strip(),
                c.kldb(), c.kldb().substring(0, 3), v.postalCode(), v.place(), v.kreis(), v.latitude(), v.longitude(), c.workingTime(),
                v.remoteShare(), v.fixedTerm(), c.startDate(), c.endDate(), c.validThrough(), v.openings(), c.qualificationLevel(),
                c.germanLevel(), v.foreignQualificationsWelcome(), c.drivingLicence(), c.salaryMin(), c.salaryMax(), c.salaryPeriod(),
                c.applicationUrl(), c.applicationEmail(), v.temporaryAgency(), old == null ? 0 : old.version() + 1,
                old == null ? now : old.createdAt(), now, publishedAt, null, null, null);
    }

    static Posting map(ResultSet rs, int n) throws SQLException {
        return new Posting(rs.getObject("id", UUID.class), rs.getObject("employer_id", UUID.class), rs.getString("external_id"),
                Type.valueOf(rs.getString("type")), Status.valueOf(rs.getString("status")), rs.getString("title"),
                rs.getString("description"), rs.getString("kldb"), rs.getString("occupation_group"), rs.getString("postal_code"),
                rs.getString("place"), rs.getString("kreis"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                WorkingTime.valueOf(rs.getString("working_time")), rs.getInt("remote_share"), rs.getBoolean("fixed_term"),
                localDate(rs, "start_date"), localDate(rs, "end_date"), localDate(rs, "valid_through"), rs.getInt("openings"),
                enumOf(QualificationLevel.class, rs.getString("qualification_level")),
                enumOf(GermanLevel.class, rs.getString("german_level")), rs.getBoolean("foreign_qualifications_welcome"),
                rs.getString("driving_licence"), rs.getBigDecimal("salary_min"), rs.getBigDecimal("salary_max"),
                enumOf(SalaryPeriod.class, rs.getString("salary_period")), rs.getString("application_url"),
                rs.getString("application_email"), rs.getBoolean("temporary_agency"), rs.getLong("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"), instant(rs, "closed_at"),
                enumOf(CloseReason.class, rs.getString("close_reason")), rs.getString("close_detail"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
