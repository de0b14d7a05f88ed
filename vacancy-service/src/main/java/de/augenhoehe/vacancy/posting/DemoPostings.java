package de.augenhoehe.vacancy.posting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import de.augenhoehe.platform.events.EventHandler;
import de.augenhoehe.platform.events.ReceivedEvent;
import de.augenhoehe.vacancy.posting.ContentRules.Valid;
import de.augenhoehe.vacancy.posting.PostingCommands.Content;
import de.augenhoehe.vacancy.posting.PostingStore.NewRow;
import de.augenhoehe.vacancy.posting.Postings.GermanLevel;
import de.augenhoehe.vacancy.posting.Postings.QualificationLevel;
import de.augenhoehe.vacancy.posting.Postings.SalaryPeriod;
import de.augenhoehe.vacancy.posting.Postings.Status;
import de.augenhoehe.vacancy.posting.Postings.Type;
import de.augenhoehe.vacancy.posting.Postings.WorkingTime;
import de.augenhoehe.vacancy.referencedata.ReferenceData;

/**
 * Demo postings (demo mode only): when a company's membership in one of the two demo networks becomes active —
 * partner-service's demo companies get random ids, so they are recognised by that event — it gets the demo postings
 * of its region, every type, published, with their events. Once per company (skipped when it has any posting).
 * The postings are written from the event itself, not through the posting rights: the projection of the same event
 * may not have been applied yet. KldB codes and postal codes are from the demo reference subset.
 */
@Component
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoPostings implements EventHandler {

    static final UUID HEILBRONN = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000001");
    static final UUID EMS_ACHSE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000002");
    private static final Logger log = LoggerFactory.getLogger(DemoPostings.class);

    record Activated(String partnerId, String networkId, String partnerKind) {
    }

    /** title, description, type, KldB, postal code, working time, fixed term, German level, salary min/max per month (or null). */
    record Demo(String title, String description, Type type, String kldb, String postalCode, WorkingTime workingTime,
            int remoteShare, boolean fixedTerm, GermanLevel german, QualificationLevel qualification, Integer salaryMin, Integer salaryMax,
            int startInDays, int fixedTermDays) {
    }

    static final Map<UUID, List<Demo>> DEMOS = Map.of(HEILBRONN, List.of(
            new Demo("Zerspanungsmechaniker/in (m/w/d) CNC-Fräsen", """
                    Für unsere Fertigung in Neckarsulm suchen wir Verstärkung an 5-Achs-Bearbeitungszentren (Heidenhain).
                    Sie rüsten ein, optimieren Programme und prüfen Ihre Teile selbst. Zwei-Schicht-Betrieb, Tarifvertrag der Metall- und Elektroindustrie.
                    Ausländische Abschlüsse erkennen wir gemeinsam mit der Handwerkskammer an.""",
                    Type.JOB, "24232", "74172", WorkingTime.FULL_TIME, 0, false, GermanLevel.B1, QualificationLevel.VOCATIONAL, 3400, 4100, 30, 0),
            new Demo("Ausbildung Mechatroniker/in (m/w/d) ab September", """
                    Dreieinhalb Jahre Ausbildung in unserer eigenen Lehrwerkstatt und an der Berufsschule Heilbronn.
                    Du lernst Pneumatik, Elektrotechnik und Steuerungstechnik und baust im dritten Jahr eine eigene Anlage.
                    Übernahme bei gutem Abschluss.""",
                    Type.APPRENTICESHIP, "26112", "74172", WorkingTime.FULL_TIME, 0, false, GermanLevel.B1, QualificationLevel.SCHOOL, 1200, 1400, 240, 0),
            new Demo("Duales Studium Mechatronik (B. Eng.) mit der DHBW Mosbach", """
                    Theorie an der DHBW Mosbach, Praxis in Konstruktion, Fertigung und Inbetriebnahme bei uns in Neckarsulm.
                    Vergütung während des gesamten Studiums, Studiengebühren übernehmen wir.""",
                    Type.DUAL_STUDY, "26114", "74172", WorkingTime.FULL_TIME, 0, false, GermanLevel.C1, QualificationLevel.SCHOOL, 1500, 1700, 240, 0),
            new Demo("Praktikum Qualitätssicherung (m/w/d) für drei Monate", """
                    Messen mit Koordinatenmessmaschine, Erstmusterprüfberichte und Reklamationsbearbeitung:
                    ein Praktikum für Studierende technischer Fächer oder Menschen in der beruflichen Neuorientierung.""",
                    Type.INTERNSHIP, "24233", "74172", WorkingTime.FULL_TIME, 0, true, GermanLevel.B2, QualificationLevel.SCHOOL, null, null, 45, 90),
            new Demo("Projekttag Metall: Ein Tag in der Ausbildungswerkstatt (Klassen 8–10)", """
                    Schülerinnen und Schüler feilen, bohren und biegen einen eigenen Flaschenöffner und sprechen mit unseren Azubis.
                    Anmeldung über die Lehrkraft; Schutzkleidung stellen wir.""",
                    Type.PROJECT_DAY, "24412", "74172", WorkingTime.FULL_TIME, 0, true, null, QualificationLevel.NONE, null, null, 21, 1),
            new Demo("Werkstudent/in (m/w/d) Automatisierungstechnik", """
                    Unterstützung bei SPS-Programmierung (TIA Portal) und Inbetriebnahmen, 15–20 Stunden pro Woche,
                    teilweise mobil. Für Studierende der Elektrotechnik, Mechatronik oder Informatik.""",
                    Type.WORKING_STUDENT, "26102", "74076", WorkingTime.PART_TIME, 40, true, GermanLevel.B2, QualificationLevel.SCHOOL, null, null, 14, 365),
            new Demo("Lagerhelfer/in (m/w/d) auf Minijob-Basis", """
                    Kommissionieren und Verpacken von Präzisionsteilen in unserem Lager in Bad Friedrichshall, samstags und nach Absprache.
                    Keine Vorkenntnisse nötig, Einarbeitung im Team.""",
                    Type.JOB, "51311", "74177", WorkingTime.MINI_JOB, 0, false, GermanLevel.A2, QualificationLevel.NONE, null, null, 7, 0)),
            EMS_ACHSE, List.of(
            new Demo("Schiffbauer/in (m/w/d) Stahlbau und Sektionsbau", """
                    Für den Sektionsbau auf unserer Werft in Papenburg suchen wir Fachkräfte im Schiffbau oder Metallbau.
                    Anerkennung ausländischer Berufsabschlüsse begleiten wir gemeinsam mit der IHK; Deutschkurs während der Arbeitszeit.""",
                    Type.JOB, "25242", "26871", WorkingTime.FULL_TIME, 0, false, GermanLevel.A2, QualificationLevel.VOCATIONAL, 3300, 3900, 30, 0),
            new Demo("Ausbildung Konstruktionsmechaniker/in (m/w/d) Schiffbau", """
                    Dreieinhalb Jahre Ausbildung: Schweißen, Brennschneiden, Montage großer Stahlbaugruppen.
                    Berufsschule in Papenburg, Wohnheimplätze für Azubis aus der Region.""",
                    Type.APPRENTICESHIP, "24412", "26871", WorkingTime.FULL_TIME, 0, false, GermanLevel.B1, QualificationLevel.SCHOOL, 1100, 1350, 240, 0),
            new Demo("Duales Studium Schiffbau und Meerestechnik (B. Eng.)", """
                    Studium an der Hochschule Emden/Leer, Praxisphasen in Konstruktion und Fertigungsplanung der Werft.""",
                    Type.DUAL_STUDY, "25244", "26789", WorkingTime.FULL_TIME, 0, false, GermanLevel.C1, QualificationLevel.SCHOOL, 1400, 1600, 240, 0),
            new Demo("Schülerpraktikum Schweißtechnik (zwei Wochen)", """
                    Zwei Wochen in der Schweißwerkstatt: Grundlagen des MAG-Schweißens unter Anleitung unserer Ausbilder.""",
                    Type.INTERNSHIP, "24422", "26871", WorkingTime.FULL_TIME, 0, true, GermanLevel.A2, QualificationLevel.NONE, null, null, 30, 14),
            new Demo("Werftentag für Schulklassen: Vom Blech zum Schiff", """
                    Ein Projekttag für Klassen 7–10: Führung durch die Baudockhalle, Mitmachstationen Schweißsimulator und Konstruktion am Rechner.""",
                    Type.PROJECT_DAY, "25243", "26871", WorkingTime.FULL_TIME, 0, true, null, QualificationLevel.NONE, null, null, 28, 1),
            new Demo("Werkstudent/in (m/w/d) Logistik und Lagerwirtschaft", """
                    Mitarbeit bei der Materialdisposition für den Schiffbau am Standort Meppen, 20 Stunden pro Woche.""",
                    Type.WORKING_STUDENT, "51312", "49716", WorkingTime.PART_TIME, 20, true, GermanLevel.B2, QualificationLevel.SCHOOL, null, null, 14, 365),
            new Demo("Berufskraftfahrer/in (m/w/d) Güterverkehr, Minijob am Wochenende", """
                    Materialtransporte zwischen Papenburg, Leer und Meppen mit dem Lkw (Klasse CE), vor allem samstags.""",
                    Type.JOB, "52122", "26789", WorkingTime.MINI_JOB, 0, false, GermanLevel.A2, QualificationLevel.VOCATIONAL, null, null, 7, 0)));

    private final PostingStore store;
    private final PostingEvents events;
    private final ReferenceData reference;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoPostings(PostingStore store, PostingEvents events, ReferenceData reference, JdbcTemplate jdbc, Clock clock) {
        this.store = store;
        this.events = events;
        this.reference = reference;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return "partner-events";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("augenhoehe.partner.membership-activated.v1");
    }

    @Override
    public void handle(ReceivedEvent event) {
        Activated a = event.dataAs(Activated.class);
        if (!"COMPANY".equals(a.partnerKind()) || a.networkId() == null || a.partnerId() == null) {
            return;
        }
        List<Demo> demos = DEMOS.get(UUID.fromString(a.networkId()));
        if (demos == null) {
            return;
        }
        UUID company = UUID.fromString(a.partnerId());
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from posting where employer_id = ?)", Boolean.class, company))) {
            return;
        }
        LocalDate today = PostingRules.today(clock);
        ContentRules rules = new ContentRules(reference, today);
        Instant now = clock.instant();
        List<NewRow> rows = new ArrayList<>();
        int n = 0;
        for (Demo d : demos) {
            Valid valid = rules.check(content(d, today, n));
            rows.add(new NewRow(UUID.randomUUID(), company, "demo-" + (++n), valid, Status.PUBLISHED, now));
        }
        store.insertAll(rows);
        List<UUID> networks = List.of(UUID.fromString(a.networkId()));
        events.publishAll(store.findAll(rows.stream().map(NewRow::id).toList()).stream()
                .map(p -> PostingEvents.published(p, networks, now)).toList());
        log.info("Demo mode: {} postings published for a demo company of network {}", rows.size(), a.networkId());
    }

    private static Content content(Demo d, LocalDate today, int n) {
        LocalDate start = today.plusDays(d.startInDays());
        LocalDate end = d.fixedTerm() ? start.plusDays(d.fixedTermDays()) : null;
        return new Content(d.title(), d.description().strip(), d.type(), d.kldb(), d.postalCode(), null, null, d.workingTime(),
                d.remoteShare(), d.fixedTerm(), start, end, today.plusDays(60 + 10L * n), d.type() == Type.PROJECT_DAY ? 25 : 1 + n % 3,
                d.qualification(), d.german(), d.type() == Type.JOB, d.kldb().equals("52122") ? "CE" : null,
                d.salaryMin() == null ? null : BigDecimal.valueOf(d.salaryMin()), d.salaryMax() == null ? null : BigDecimal.valueOf(d.salaryMax()),
                d.salaryMin() == null ? null : SalaryPeriod.MONTH, null, "bewerbung@example.de", false, null);
    }
}
