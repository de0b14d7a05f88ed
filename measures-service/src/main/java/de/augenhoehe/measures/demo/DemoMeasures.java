package de.augenhoehe.measures.demo;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import de.augenhoehe.measures.members.NetworkMembers;
import de.augenhoehe.measures.management.MeasureSeeding;
import de.augenhoehe.measures.registrations.RegistrationSeeding;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;

/**
 * Demo data (demo mode only): the Heilbronn technology day with the Handwerkskammer, technical language training for
 * apprentices in a company network, the Ems-Achse project days — with registrations.
 *
 * <p>Hosts must be active members, which this service learns from partner-events: partner-service's demo partners
 * (found by name, as their ids are made at its first start) arrive some seconds after start-up. So the demo waits for
 * them, checking every few seconds, and seeds each measure once its organisations are known; stable ids and
 * Idempotency-Keys make a restart add nothing twice.
 */
@Component
@ConditionalOnBooleanProperty("augenhoehe.demo.enabled")
class DemoMeasures implements SmartLifecycle {

    static final UUID HEILBRONN = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000001");
    static final UUID EMS_ACHSE = UUID.fromString("0d3e4a52-7c1b-4f0e-9a61-000000000002");
    static final UUID TECHNIKTAG = UUID.fromString("6d0e0000-0000-4000-8000-000000000001");
    static final UUID FACHSPRACHE = UUID.fromString("6d0e0000-0000-4000-8000-000000000002");
    static final UUID PROJEKTTAGE = UUID.fromString("6d0e0000-0000-4000-8000-000000000003");

    private static final Logger log = LoggerFactory.getLogger(DemoMeasures.class);

    private final NetworkMembers members;
    private final MeasureSeeding measures;
    private final RegistrationSeeding registrations;
    private ScheduledExecutorService timer;

    DemoMeasures(NetworkMembers members, MeasureSeeding measures, RegistrationSeeding registrations) {
        this.members = members;
        this.measures = measures;
        this.registrations = registrations;
    }

    /** One pass: seeds what is missing and can be seeded now; true when all is there. */
    boolean seed() {
        boolean done = true;
        done &= techniktag();
        done &= fachsprache();
        done &= projekttage();
        return done;
    }

    private boolean techniktag() {
        Optional<UUID> hwk = member(HEILBRONN, "Handwerkskammer Heilbronn-Franken");
        Optional<UUID> agentur = member(HEILBRONN, "Agentur für Arbeit Heilbronn");
        Optional<UUID> schule = member(HEILBRONN, "Gemeinschaftsschule am Wartberg");
        if (hwk.isEmpty() || agentur.isEmpty() || schule.isEmpty()) {
            return false;
        }
        if (!measures.exists(TECHNIKTAG)) {
            measures.createOpen(TECHNIKTAG, """
                {"networkId":"%s","hostPartnerId":"%s","coOrganiserIds":["%s"],
                 "title":"Techniktag mit der Handwerkskammer","type":"TECHNOLOGY_DAY",
                 "description":"Schülerinnen und Schüler probieren Elektro-, Metall- und Holzberufe in den Werkstätten der Bildungsakademie aus; Klassen melden sich mit ihrer Lehrkraft an.",
                 "targetGroups":["PUPILS_HAUPTSCHULE","PUPILS_REALSCHULE","PUPILS_GEMEINSCHAFTSSCHULE"],"delivery":"EXTERNAL",
                 "foldedInto":"Berufsorientierungswoche der Heilbronner Schulen",
                 "sessions":[{"date":"%s","startTime":"08:30","endTime":"14:00","postalCode":"74072","place":"Bildungsakademie der Handwerkskammer, Heilbronn"}],
                 "capacity":120,"registrationClosesAt":"%sT12:00:00Z","costEur":0,"funding":"Handwerkskammer Heilbronn-Franken",
                 "language":"de","occupationGroups":["262","244","223"]}""".formatted(HEILBRONN, hwk.get(), agentur.get(),
                day(2027, 3, 10), day(2027, 3, 3)));
        }
        registrations.register("demo-techniktag-1", TECHNIKTAG, "Frau Yıldız (Klasse 8b)", "klasse8b@wartberg.example", schule.get(), 24,
                TargetGroup.PUPILS_GEMEINSCHAFTSSCHULE);
        registrations.register("demo-techniktag-2", TECHNIKTAG, "Herr Brandt (Klasse 9a)", "klasse9a@wartberg.example", schule.get(), 22,
                TargetGroup.PUPILS_GEMEINSCHAFTSSCHULE);
        registrations.register("demo-techniktag-3", TECHNIKTAG, "Mia Schneider", "mia.schneider@example.org", null, null,
                TargetGroup.PUPILS_REALSCHULE);
        log.info("Demo measure {} (Techniktag) seeded", TECHNIKTAG);
        return true;
    }

    private boolean fachsprache() {
        Optional<UUID> betrieb = member(HEILBRONN, "Neckartal Präzisionstechnik GmbH");
        Optional<UUID> verband = member(HEILBRONN, "Südwestmetall Bezirksgruppe Heilbronn");
        Optional<UUID> caritas = member(HEILBRONN, "Caritas-Beratungsstelle Heilbronn");
        if (betrieb.isEmpty() || verband.isEmpty() || caritas.isEmpty()) {
            return false;
        }
        StringBuilder sessions = new StringBuilder();
        for (int week = 0; week < 4; week++) {
            sessions.append(week == 0 ? "" : ",").append("""
                    {"date":"%s","startTime":"16:00","endTime":"18:00","postalCode":"74172","place":"Ausbildungswerkstatt, Neckarsulm"}"""
                    .formatted(day(2027, 2, 2).plusWeeks(week)));
        }
        if (!measures.exists(FACHSPRACHE)) {
            measures.createOpen(FACHSPRACHE, """
                {"networkId":"%s","hostPartnerId":"%s","coOrganiserIds":["%s","%s"],
                 "title":"Fachsprache Technik für Auszubildende im Verbund","type":"TECHNICAL_LANGUAGE_TRAINING",
                 "description":"Fachsprache für Metall- und Elektroberufe: Arbeitsaufträge, Sicherheitsunterweisung, Prüfungsvorbereitung. Für Auszubildende der Verbundbetriebe.",
                 "targetGroups":["APPRENTICES","MIGRATION_BACKGROUND"],"delivery":"VERBUND",
                 "foldedInto":"Ausbildungsverbund Metall Heilbronn-Neckarsulm",
                 "sessions":[%s],
                 "capacity":12,"registrationClosesAt":"%sT12:00:00Z","costEur":0,"funding":"ESF Plus und Verbundbetriebe",
                 "language":"de","occupationGroups":["242","251","262"]}""".formatted(HEILBRONN, betrieb.get(), verband.get(), caritas.get(),
                sessions, day(2027, 1, 29)));
        }
        String[] names = {"Ahmad Karimi", "Oksana Melnyk", "Tesfaye Bekele"};
        for (int i = 0; i < names.length; i++) {
            registrations.register("demo-fachsprache-" + i, FACHSPRACHE, names[i], "azubi" + i + "@neckartal.example", betrieb.get(), null,
                    TargetGroup.APPRENTICES);
        }
        log.info("Demo measure {} (Fachsprache) seeded", FACHSPRACHE);
        return true;
    }

    private boolean projekttage() {
        Optional<UUID> werft = member(EMS_ACHSE, "Emsland Schiffbau & Anlagen AG");
        Optional<UUID> ihk = member(EMS_ACHSE, "IHK für Ostfriesland und Papenburg");
        Optional<UUID> landkreis = member(EMS_ACHSE, "Landkreis Emsland");
        if (werft.isEmpty() || ihk.isEmpty() || landkreis.isEmpty()) {
            return false;
        }
        if (!measures.exists(PROJEKTTAGE)) {
            measures.createOpen(PROJEKTTAGE, """
                {"networkId":"%s","hostPartnerId":"%s","coOrganiserIds":["%s","%s"],
                 "title":"Projekttage Ems-Achse: Schiffbau und Anlagenbau erleben","type":"PROJECT_DAY",
                 "description":"Zwei Projekttage im Betrieb: Schweißen, Konstruktion, Elektro; Gespräche mit Auszubildenden.",
                 "targetGroups":["PUPILS_REALSCHULE","PUPILS_GYMNASIUM","PUPILS_VOCATIONAL_SCHOOL"],"delivery":"IN_COMPANY",
                 "foldedInto":"Projekttage der Ems-Achse",
                 "sessions":[{"date":"%s","startTime":"08:00","endTime":"13:00","postalCode":"26871","place":"Werft, Papenburg"},
                             {"date":"%s","startTime":"08:00","endTime":"13:00","postalCode":"26871","place":"Werft, Papenburg"}],
                 "capacity":30,"registrationClosesAt":"%sT12:00:00Z","costEur":0,"funding":"Ems-Achse e. V.",
                 "language":"de","occupationGroups":["251","244","263"]}""".formatted(EMS_ACHSE, werft.get(), ihk.get(), landkreis.get(),
                day(2027, 4, 20), day(2027, 4, 21), day(2027, 4, 13)));
        }
        registrations.register("demo-projekttage-1", PROJEKTTAGE, "Herr Janssen (BBS Papenburg)", "janssen@bbs.example", null, 12,
                TargetGroup.PUPILS_VOCATIONAL_SCHOOL);
        registrations.register("demo-projekttage-2", PROJEKTTAGE, "Lena Hinrichs", "lena.hinrichs@example.org", null, null,
                TargetGroup.PUPILS_GYMNASIUM);
        log.info("Demo measure {} (Projekttage) seeded", PROJEKTTAGE);
        return true;
    }

    private Optional<UUID> member(UUID network, String name) {
        return members.activeMemberNamed(network, name);
    }

    private static LocalDate day(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("demo-measures").factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (seed()) {
                    timer.shutdown();
                }
            } catch (RuntimeException e) {
                log.warn("Demo measures not seeded yet: {}", e.getMessage());
            }
        }, 2, 5, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
