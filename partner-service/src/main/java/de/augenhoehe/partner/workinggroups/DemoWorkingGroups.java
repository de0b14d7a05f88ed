package de.augenhoehe.partner.workinggroups;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import de.augenhoehe.partner.networks.DemoNetworks;
import de.augenhoehe.partner.registry.PartnerDirectory;

/**
 * Demo mode only: a working group in Heilbronn and the expert circle of the Ems-Achse, each with members, a meeting
 * with minutes and a closed decision. Fixed ids; a group that exists is left as it is (idempotent).
 */
@Component
@Order(4) // after the demo networks and partners
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoWorkingGroups implements ApplicationRunner {

    static final UUID HEILBRONN_GROUP = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-0000000000a1");
    static final UUID EMS_CIRCLE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-0000000000a2");
    private static final Logger log = LoggerFactory.getLogger(DemoWorkingGroups.class);

    private final WorkingGroups groups;
    private final Sittings sittings;
    private final PartnerDirectory partners;

    DemoWorkingGroups(WorkingGroups groups, Sittings sittings, PartnerDirectory partners) {
        this.groups = groups;
        this.sittings = sittings;
        this.partners = partners;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (groups.find(HEILBRONN_GROUP).isEmpty()) {
            demo(new WorkingGroups.Draft(DemoNetworks.HEILBRONN, GroupKind.WORKING_GROUP, "AG Ausbildung und Migration",
                    List.of("Ausbildung", "Migration", "Sprachförderung"), new Quorum(Quorum.Kind.FRACTION, new BigDecimal("0.5")), Majority.SIMPLE),
                    HEILBRONN_GROUP, List.of("Neckartal Präzisionstechnik GmbH", "Handwerkskammer Heilbronn-Franken",
                            "Gemeinschaftsschule am Wartberg", "Caritas-Beratungsstelle Heilbronn"),
                    "2026-10-14T14:00:00Z", "Handwerkskammer Heilbronn-Franken, Allee 76, Sitzungsraum 1",
                    List.of("Begrüßung", "Rückblick Technologietag", "Projekttag im Frühjahr", "Verschiedenes"),
                    "Der Projekttag findet im März bei Neckartal Präzisionstechnik statt; die Schule stellt zwei Klassen.",
                    "Projekttag im Frühjahr ausrichten", "Die AG richtet im März einen Projekttag für zwei Klassen der Gemeinschaftsschule aus.",
                    new VoteChoice[] { VoteChoice.YES, VoteChoice.YES, VoteChoice.YES, VoteChoice.ABSTAIN });
        }
        if (groups.find(EMS_CIRCLE).isEmpty()) {
            demo(new WorkingGroups.Draft(DemoNetworks.EMS_ACHSE, GroupKind.EXPERT_CIRCLE, "Expertenkreis Fachkräftemonitor",
                    List.of("Arbeitsmarktmonitor", "Rückkehrerkampagne"), new Quorum(Quorum.Kind.COUNT, new BigDecimal("3")), Majority.TWO_THIRDS),
                    EMS_CIRCLE, List.of("Agentur für Arbeit Nordhorn", "IHK für Ostfriesland und Papenburg", "Emsland Schiffbau & Anlagen AG",
                            "Landkreis Emsland"),
                    "2026-11-04T09:30:00Z", "Landkreis Emsland, Kreishaus Meppen, Raum 112",
                    List.of("Fachkräftemonitor 2026", "Rückkehrerkampagne: Postkarten in Heimatorten", "Termine 2027"),
                    "Der Kreis empfiehlt, die Rückkehrerkampagne um Weihnachten in den Heimatorten zu verteilen.",
                    "Rückkehrerkampagne zu Weihnachten", "Der Expertenkreis empfiehlt dem Netzwerk die Rückkehrerkampagne zu Weihnachten.",
                    new VoteChoice[] { VoteChoice.YES, VoteChoice.YES, VoteChoice.NO, VoteChoice.YES });
        }
    }

    private void demo(WorkingGroups.Draft draft, UUID id, List<String> memberNames, String startsAt, String place, List<String> agenda,
            String minutes, String title, String motion, VoteChoice[] votes) {
        List<UUID> members = new ArrayList<>();
        for (String name : memberNames) {
            Optional<UUID> p = partners.idByName(name);
            if (p.isPresent() && partners.activeNetworks(p.get()).contains(draft.networkId())) {
                members.add(p.get());
            } else {
                log.warn("demo working group: no active member partner named {}", name);
            }
        }
        WorkingGroup g = groups.form(id, draft, "demo");
        members.forEach(m -> groups.join(g, m, List.of()));
        Meeting meeting = sittings.schedule(id, Instant.parse(startsAt), place, agenda);
        sittings.minutes(id, meeting.id(), meeting.version(), minutes);
        Decision d = sittings.propose(id, meeting.id(), title, motion);
        for (int i = 0; i < members.size() && i < votes.length; i++) {
            sittings.vote(id, d.id(), members.get(i), votes[i], "demo");
        }
        sittings.close(g, d.id());
    }
}
