package de.augenhoehe.outreach.campaigns;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.architecture.FeatureApi;

/** What other features may know of a campaign: its network, title and target areas (postal codes). */
@FeatureApi
@Component
public class CampaignDirectory {

    /** The Ems-Achse Christmas returnee campaign of the demo data (demo mode only). */
    public static final UUID DEMO_CHRISTMAS_CAMPAIGN = UUID.fromString("7c1b0e57-0d3e-4a52-9a61-000000000701");

    public record CampaignRef(UUID id, UUID networkId, String title, List<String> targetAreas, String status) {
    }

    /** A material batch of a campaign: its area (e.g. the municipality) and how much of it was distributed. */
    public record BatchRef(UUID id, UUID campaignId, String area, String code, int quantity, int distributed) {
    }

    private final JdbcTemplate jdbc;

    CampaignDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CampaignRef> find(UUID id) {
        return jdbc.query("select id, network_id, title, target_areas, status from campaign where id = ?",
                (rs, n) -> new CampaignRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5)), id).stream().findFirst();
    }

    public List<BatchRef> batches(UUID campaignId) {
        return jdbc.query("select id, campaign_id, area, code, quantity, distributed from material_batch "
                + "where campaign_id = ? order by created_at, id", (rs, n) -> new BatchRef(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6)), campaignId);
    }
}
