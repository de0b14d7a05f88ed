package de.augenhoehe.portal.meinbereich.koordination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.ActiveMembers;
import de.augenhoehe.portal.meinbereich.CoordinatedNetworks.Network;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.Paging;
import de.augenhoehe.portal.web.PathIds;

/**
 * What the coordinator's and the member's pages of a working group show alike: the groups, one group with its member
 * partners (by name), meetings (agenda, minutes) and decisions, one decision with each partner's vote and the quorum.
 * Who may read is the service's decision (a group of another network does not exist for the caller: 404).
 */
@Component
class GroupPages {

    private final PlatformApi api;
    private final ActiveMembers members;

    GroupPages(PlatformApi api, ActiveMembers members) {
        this.api = api;
        this.members = members;
    }

    /** The groups the caller sees ({@code networkId} null: all of them), paged here: the API answers them whole. */
    void groups(Visit visit, String networkId, Integer seite, Model model) {
        JsonNode answer = networkId == null ? api.get("/api/working-groups", visit.bearer())
                : api.get("/api/working-groups?networkId={n}", visit.bearer(), networkId);
        List<JsonNode> all = new ArrayList<>();
        answer.forEach(all::add);
        Paging paging = Paging.ofList(all, Paging.requested(seite), Paging.SIZE);
        model.addAttribute("groups", paging.slice(all, Paging.SIZE));
        model.addAttribute("paging", paging);
    }

    /**
     * A group of this network for its coordinator: the group's page with the forms to open a vote and to schedule a
     * meeting (kept as entered when the page shows one of them refused). A group of another network is not shown
     * under this network's heading (404).
     */
    void forCoordinator(Visit visit, Network network, String groupId, Model model) {
        JsonNode group = group(visit, groupId, model);
        inNetwork(group, network);
        model.addAttribute("base", base(network.id()));
        model.addAttribute("coordinator", true);
        model.addAttribute("candidates", candidates(visit, network, group));
        if (!model.containsAttribute("motion")) {
            model.addAttribute("motion", new WorkingGroupsController.Motion());
        }
        if (!model.containsAttribute("meeting")) {
            model.addAttribute("meeting", new MeetingsController.MeetingForm());
        }
    }

    /** The network's groups for its coordinator, with the form to form another (kept as entered when refused). */
    void forCoordinatorList(Visit visit, Network network, Integer seite, Model model) {
        groups(visit, network.id(), seite, model);
        model.addAttribute("base", base(network.id()));
        model.addAttribute("coordinator", true);
        if (!model.containsAttribute("gruppe")) {
            model.addAttribute("gruppe", new GroupForm());
        }
        model.addAttribute("arten", GroupForm.KINDS);
        model.addAttribute("quorumArten", GroupForm.QUORUMS);
        model.addAttribute("mehrheiten", GroupForm.MAJORITIES);
    }

    /**
     * The active member partners of the network that are not in the group yet, by name: whom the coordinator may add.
     */
    private Map<String, String> candidates(Visit visit, Network network, JsonNode group) {
        Set<String> in = new HashSet<>();
        group.path("members").forEach(m -> in.add(m.path("partnerId").asString("")));
        List<JsonNode> partners = new ArrayList<>();
        members.of(network.id(), visit.bearer()).forEach(m -> partners.add(m.path("partner")));
        Map<String, String> byId = new LinkedHashMap<>();
        partners.stream().filter(p -> !in.contains(p.path("id").asString("")))
                .sorted(Comparator.comparing(p -> p.path("name").asString("")))
                .forEach(p -> byId.put(p.path("id").asString(), p.path("name").asString()));
        return byId;
    }

    static void inNetwork(JsonNode group, Network network) {
        if (!network.id().equals(group.path("networkId").asString(""))) {
            throw ApiProblem.notFound("group of another network");
        }
    }

    static String base(String networkId) {
        return "/mein-bereich/koordination/" + networkId + "/gremien";
    }

    /** One group with its meetings and decisions; answers the group. */
    JsonNode group(Visit visit, String groupId, Model model) {
        String id = PathIds.id(groupId);
        List<JsonNode> read = api.concurrently(List.of(
                () -> api.get("/api/working-groups/{id}", visit.bearer(), id),
                () -> api.get("/api/working-groups/{id}/meetings", visit.bearer(), id),
                () -> api.get("/api/working-groups/{id}/decisions", visit.bearer(), id)));
        JsonNode group = read.get(0);
        model.addAttribute("group", group);
        model.addAttribute("meetings", read.get(1));
        model.addAttribute("decisions", read.get(2));
        model.addAttribute("names", names(group));
        return group;
    }

    /** One decision of a group with each partner's vote, the group (for quorum and majority) and who is counted. */
    JsonNode decision(Visit visit, String groupId, String decisionId, Model model) {
        String id = PathIds.id(groupId);
        String decision = PathIds.id(decisionId);
        List<JsonNode> read = api.concurrently(List.of(
                () -> api.get("/api/working-groups/{id}", visit.bearer(), id),
                () -> api.get("/api/working-groups/{id}/decisions/{d}", visit.bearer(), id, decision)));
        JsonNode group = read.get(0);
        JsonNode d = read.get(1);
        model.addAttribute("group", group);
        model.addAttribute("decision", d);
        model.addAttribute("names", names(group));
        int members = group.path("members").size();
        model.addAttribute("membersCount", members);
        model.addAttribute("quorumNeeded", required(group.path("quorum"), members));
        model.addAttribute("votesCount", d.path("votes").size());
        String own = visit.person().partnerId();
        for (JsonNode vote : d.path("votes")) {
            if (vote.path("partnerId").asString("").equals(own)) {
                model.addAttribute("ownVote", vote.path("vote").asString(""));
            }
        }
        return group;
    }

    /** The quorum of the group today: how many partners must vote (the service counts again when it closes). */
    static int required(JsonNode quorum, int eligible) {
        BigDecimal value = new BigDecimal(quorum.path("value").asString("0"));
        if ("COUNT".equals(quorum.path("kind").asString(""))) {
            return value.intValue();
        }
        return Math.max(1, value.multiply(BigDecimal.valueOf(eligible)).setScale(0, RoundingMode.CEILING).intValue());
    }

    /** The member partners' names (public), read at once. */
    private Map<String, String> names(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("partnerId").asString("")));
        List<Supplier<JsonNode>> reads = ids.stream().<Supplier<JsonNode>>map(p -> () -> api.get("/api/partners/{id}", p)).toList();
        List<JsonNode> partners = ids.isEmpty() ? List.of() : api.concurrently(reads);
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            names.put(ids.get(i), partners.get(i).path("name").asString("Partner"));
        }
        return names;
    }
}
