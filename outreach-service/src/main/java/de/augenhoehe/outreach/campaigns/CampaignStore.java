package de.augenhoehe.outreach.campaigns;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.campaigns.CampaignRequests.Batch;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Campaign;
import de.augenhoehe.outreach.campaigns.CampaignRequests.CampaignRequest;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Channel;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Distribution;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Goal;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Period;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Rationale;
import de.augenhoehe.outreach.campaigns.CampaignRequests.Status;

/** The SQL of campaigns, their batches and distributions, and the mapping of their rows; no rules. */
@Component
class CampaignStore {

    private final JdbcTemplate jdbc;
    private final QrCodes qr;

    CampaignStore(JdbcTemplate jdbc, QrCodes qr) {
        this.jdbc = jdbc;
        this.qr = qr;
    }

    void insert(UUID id, CampaignRequest request) {
        jdbc.update("""
                insert into campaign (id, network_id, title, goal_text, goal_target, rationale_text, monitor_finding,
                    audience, channels, target_areas, period_from, period_to, partner_ids, budget_eur, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?::uuid[], ?, 'DRAFT')""",
                id, request.networkId(), request.title().strip(), request.goal().text(), request.goal().target(),
                request.rationale().text(), request.rationale().monitorFinding(), request.audience(),
                array(request.channels()), array(request.targetAreas()), request.period().from(),
                request.period().to(), array(request.partnerIds()), request.budgetEur());
    }

    void update(UUID id, CampaignRequest request) {
        jdbc.update("""
                update campaign set title = ?, goal_text = ?, goal_target = ?, rationale_text = ?, monitor_finding = ?,
                    audience = ?, channels = ?::text[], target_areas = ?::text[], period_from = ?, period_to = ?,
                    partner_ids = ?::uuid[], budget_eur = ?, updated_at = now() where id = ?""",
                request.title().strip(), request.goal().text(), request.goal().target(), request.rationale().text(),
                request.rationale().monitorFinding(), request.audience(), array(request.channels()),
                array(request.targetAreas()), request.period().from(), request.period().to(),
                array(request.partnerIds()), request.budgetEur(), id);
    }

    void status(UUID id, Status status) {
        jdbc.update("update campaign set status = ?, updated_at = now() where id = ?", status.name(), id);
    }

    List<Campaign> ofNetworks(Set<UUID> networks, int size, long offset) {
        return jdbc.query("select * from campaign where network_id = any(?::uuid[]) order by created_at, id "
                + "limit ? offset ?", this::campaign, array(networks), size, offset);
    }

    long countOfNetworks(Set<UUID> networks) {
        return jdbc.queryForObject("select count(*) from campaign where network_id = any(?::uuid[])", Long.class, array(networks));
    }

    /** {@code lock}: the row stays locked until the transaction ends, so changes of one campaign go one after another. */
    Optional<Campaign> find(UUID id, boolean lock) {
        return jdbc.query("select * from campaign where id = ?" + (lock ? " for update" : ""), this::campaign, id).stream()
                .findFirst();
    }

    Campaign load(UUID id) {
        return jdbc.queryForObject("select * from campaign where id = ?", this::campaign, id);
    }

    int batchCount(UUID campaign) {
        return jdbc.queryForObject("select count(*) from material_batch where campaign_id = ?", Integer.class, campaign);
    }

    void insertBatch(UUID id, UUID campaign, CampaignRequests.BatchRequest request, String code) {
        jdbc.update("insert into material_batch (id, campaign_id, quantity, channel, area, code) values (?, ?, ?, ?, ?, ?)",
                id, campaign, request.quantity(), request.channel().name(), request.area().strip(), code);
    }

    List<Batch> batches(UUID campaign) {
        return jdbc.query("select * from material_batch where campaign_id = ? order by created_at, id", this::batch, campaign);
    }

    Optional<Batch> batch(UUID campaign, UUID batch) {
        return jdbc.query("select * from material_batch where id = ? and campaign_id = ?", this::batch, batch, campaign)
                .stream().findFirst();
    }

    /** Adds to the distributed count unless it would exceed the batch; the new count, or empty when refused. */
    Optional<Integer> addDistributed(UUID batch, int quantity) {
        return jdbc.query("update material_batch set distributed = distributed + ? "
                + "where id = ? and distributed + ? <= quantity returning distributed",
                (rs, n) -> rs.getInt(1), quantity, batch, quantity).stream().findFirst();
    }

    void insertDistribution(Distribution d) {
        jdbc.update("""
                insert into distribution (id, batch_id, partner_id, volunteer, streets, postal_codes, distributed_on, quantity)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?)""", d.id(), d.batchId(), d.partnerId(), d.volunteer(), d.streets(),
                array(d.postalCodes()), d.on(), d.quantity());
    }

    // --- rows -----------------------------------------------------------------------------------------------------

    private Campaign campaign(ResultSet rs, int n) throws SQLException {
        Integer target = rs.getObject("goal_target", Integer.class);
        BigDecimal budget = rs.getBigDecimal("budget_eur");
        return new Campaign(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class),
                rs.getString("title"), new Goal(rs.getString("goal_text"), target),
                new Rationale(rs.getString("rationale_text"), rs.getString("monitor_finding")),
                rs.getString("audience"),
                Arrays.stream((String[]) rs.getArray("channels").getArray()).map(Channel::valueOf).toList(),
                List.of((String[]) rs.getArray("target_areas").getArray()),
                new Period(rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class)),
                List.of((UUID[]) rs.getArray("partner_ids").getArray()), budget,
                Status.valueOf(rs.getString("status")));
    }

    private Batch batch(ResultSet rs, int n) throws SQLException {
        String code = rs.getString("code");
        return new Batch(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getInt("quantity"), Channel.valueOf(rs.getString("channel")), rs.getString("area"), code,
                qr.scanUrl(code), rs.getInt("distributed"));
    }

    /** A PostgreSQL array literal; the values are enum names, postal codes or UUIDs (no quoting needed). */
    private static String array(Collection<?> values) {
        if (values == null) {
            return "{}";
        }
        Set<String> distinct = values.stream().map(Object::toString).collect(Collectors.toCollection(LinkedHashSet::new));
        return "{" + String.join(",", distinct) + "}";
    }
}
