package de.augenhoehe.outreach.returnees;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import de.augenhoehe.outreach.campaigns.CampaignDirectory;
import de.augenhoehe.outreach.regions.PostalCodes;
import de.augenhoehe.outreach.regions.PostalCodes.Place;
import de.augenhoehe.platform.architecture.FeatureApi;

/**
 * What other features may use of a returnee — only of confirmed profiles whose MATCHING consent stands: the profile
 * for matching (no name, no address), a match notification (sent here, so no other feature handles an address),
 * and the minimal summary a coordinator sees.
 */
@FeatureApi
@Component
public class Returnees {

    /** Published (in-process, in the confirming transaction) when a profile becomes usable. */
    public record ProfileConfirmed(UUID returneeId) {
    }

    /**
     * Something else in this service that holds data about a returnee: it is exported with the returnee's data
     * (Art. 15) and erased with them (Art. 17, or when the MATCHING consent is withdrawn).
     */
    public interface PersonalDataHolder {

        String name();

        Object export(UUID returnee);

        void erase(UUID returnee);
    }

    /** A profile as matching sees it: where the person wants to return is a list of places (centres). */
    public record Profile(UUID id, UUID networkId, UUID campaignId, String occupationGroup, LocalDate earliestReturn,
            Set<String> interests, List<Place> region) {
    }

    /** The minimal view a coordinator gets of a matched returnee. */
    public record Summary(UUID id, String firstName, String occupation, String region, String email) {
    }

    private final JdbcTemplate jdbc;
    private final PostalCodes postalCodes;
    private final CampaignDirectory campaigns;
    private final ReturneeMails mails;

    Returnees(JdbcTemplate jdbc, PostalCodes postalCodes, CampaignDirectory campaigns, ReturneeMails mails) {
        this.jdbc = jdbc;
        this.postalCodes = postalCodes;
        this.campaigns = campaigns;
        this.mails = mails;
    }

    private static final String MATCHABLE = """
            select r.id, r.network_id, r.campaign_id, r.occupation_group, r.earliest_return, r.interests, r.return_postal_code
            from returnee r where r.status = 'CONFIRMED' and exists (select 1 from consent c where c.returnee_id = r.id
                and c.purpose = 'MATCHING' and c.withdrawn_at is null)""";

    public List<Profile> matchable(String occupationGroup) {
        return jdbc.query(MATCHABLE + " and r.occupation_group = ?", this::profile, occupationGroup);
    }

    public List<Profile> matchableInNetwork(UUID networkId) {
        return jdbc.query(MATCHABLE + " and r.network_id = ?", this::profile, networkId);
    }

    public Optional<Profile> matchable(UUID id) {
        return jdbc.query(MATCHABLE + " and r.id = ?", this::profile, id).stream().findFirst();
    }

    /** Notes the first match (kept as an aggregate count after erasure). */
    public void matched(UUID id) {
        jdbc.update("update returnee set first_matched_at = coalesce(first_matched_at, now()) where id = ?", id);
    }

    /** Mails a match notification if the returnee's MATCH_NOTIFICATIONS consent stands; true if sent. */
    public boolean notifyMatch(UUID id, String what) {
        return jdbc.query("select email from returnee r where id = ? and status = 'CONFIRMED' and "
                + consentStands("MATCH_NOTIFICATIONS") + " and " + consentStands("MATCHING"),
                (rs, n) -> rs.getString(1), id).stream().findFirst()
                .map(email -> {
                    mails.match(id, email, what);
                    return true;
                }).orElse(false);
    }

    /** Funnel counts of one batch (or of sign-ups without a batch): erased people stay counted. */
    public record Counts(long signedUp, long confirmed, long matched, long returned, long hired, long returnedOrHired) {
    }

    /** Counts per batch of a campaign; the key is null for sign-ups attributed to the campaign without a batch. */
    public Map<UUID, Counts> funnel(UUID campaignId) {
        Map<UUID, Counts> counts = new HashMap<>();
        jdbc.query("""
                select batch_id, count(*), count(confirmed_at), count(first_matched_at), count(returned_at), count(hired_at),
                    count(*) filter (where returned_at is not null or hired_at is not null)
                from returnee where campaign_id = ? group by batch_id""",
                (RowCallbackHandler) rs -> counts.put(rs.getObject(1, UUID.class),
                        new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))),
                campaignId);
        return counts;
    }

    /** The summaries of confirmed returnees among {@code ids}, in one query (a list shows many at once). */
    public Map<UUID, Summary> summaries(Collection<UUID> ids) {
        Map<UUID, Summary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<String, String> regions = new HashMap<>();
        jdbc.query("select r.id, r.first_name, r.occupation, r.return_postal_code, r.campaign_id, "
                + "case when " + consentStands("NETWORK_CONTACT") + " then r.email end from returnee r "
                + "where r.id = any(?::uuid[]) and r.status = 'CONFIRMED'", (RowCallbackHandler) rs -> found.put(
                        rs.getObject(1, UUID.class), new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                region(rs.getString(4), rs.getObject(5, UUID.class), regions), rs.getString(6))),
                ids.stream().distinct().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
        return found;
    }

    static String consentStands(String purpose) {
        return "exists (select 1 from consent c where c.returnee_id = r.id and c.purpose = '" + purpose
                + "' and c.withdrawn_at is null)";
    }

    /** {@link #region(String, UUID)}, remembered in {@code known} for the rest of one answer. */
    String region(String postalCode, UUID campaign, Map<String, String> known) {
        return known.computeIfAbsent(postalCode + "/" + campaign, k -> region(postalCode, campaign));
    }

    /** Where the person wants to return, in words: the postal code's place, or the campaign's target areas. */
    String region(String postalCode, UUID campaign) {
        Optional<Place> place = postalCodes.locate(postalCode);
        if (place.isPresent()) {
            return place.get().postalCode() + " " + place.get().name();
        }
        return campaign == null ? null : campaigns.find(campaign).map(c -> String.join(", ", c.targetAreas())).orElse(null);
    }

    private Profile profile(ResultSet rs, int n) throws SQLException {
        UUID campaign = rs.getObject("campaign_id", UUID.class);
        List<Place> region = new ArrayList<>();
        postalCodes.locate(rs.getString("return_postal_code")).ifPresent(region::add);
        if (region.isEmpty() && campaign != null) {
            campaigns.find(campaign).ifPresent(c -> c.targetAreas().forEach(a -> postalCodes.locate(a).ifPresent(region::add)));
        }
        return new Profile(rs.getObject("id", UUID.class), rs.getObject("network_id", UUID.class), campaign,
                rs.getString("occupation_group"), rs.getObject("earliest_return", LocalDate.class),
                Set.copyOf(List.of((String[]) rs.getArray("interests").getArray())), region);
    }
}
