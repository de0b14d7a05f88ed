package de.augenhoehe.vacancy.search;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.Arrays;
import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The benchmark's data: realistic postings built from the postal codes and KldB positions in the database (the
 * service's own importer filled them from the real files), loaded with COPY on two connections while the search
 * indexes of V6 and V7 are dropped; the indexes are built afterwards from the migrations' own statements.
 * Not a test: used by {@link SearchBenchmark} only.
 */
final class BenchmarkPostings {

    /** A place of work: one row of the postal_code table. */
    record Place(String code, String place, String kreis, double latitude, double longitude) {
    }

    /** A KldB position of level 5 with a label for titles, and the weight of its occupation group in the market. */
    record Occupation(String key, String label, String title, String groupTitle, int weight) {
    }

    static final String[] TYPES = {"JOB", "APPRENTICESHIP", "DUAL_STUDY", "INTERNSHIP", "PROJECT_DAY", "WORKING_STUDENT"};
    static final int[] TYPE_WEIGHTS = {70, 14, 4, 6, 2, 4};
    static final String[] LEVEL_PREFIX = {"", "Helfer/in", "Fachkraft", "Spezialist/in", "Expert/in"};
    /** Occupation groups (KldB 3 digits) that dominate real vacancy statistics get more postings. */
    static final Map<String, Integer> POPULAR = Map.ofEntries(Map.entry("821", 30), Map.entry("813", 30), Map.entry("513", 30),
            Map.entry("521", 25), Map.entry("261", 20), Map.entry("251", 20), Map.entry("252", 20), Map.entry("262", 20),
            Map.entry("263", 15), Map.entry("714", 25), Map.entry("621", 25), Map.entry("293", 15), Map.entry("292", 10),
            Map.entry("343", 15), Map.entry("321", 15), Map.entry("831", 20), Map.entry("434", 15), Map.entry("244", 15),
            Map.entry("242", 10), Map.entry("723", 10), Map.entry("633", 10), Map.entry("541", 15), Map.entry("811", 10));
    static final String[] SENTENCES = {
            "Wir bieten eine unbefristete Stelle mit tariflicher Vergütung und betrieblicher Altersvorsorge.",
            "Schichtarbeit im Früh- und Spätdienst, Wochenendzuschläge inklusive.",
            "Ein Führerschein der Klasse B ist von Vorteil.",
            "Weiterbildung und Qualifizierung fördern wir gezielt, auch berufsbegleitend.",
            "Quereinsteigerinnen und Quereinsteiger sind herzlich willkommen.",
            "Ausländische Abschlüsse erkennen wir gern an und begleiten die Anerkennung.",
            "Unser Betrieb liegt verkehrsgünstig an der Hauptstraße, gut erreichbar mit Bus und Bahn.",
            "Sie arbeiten in einem kollegialen Team mit flachen Hierarchien.",
            "Flexible Arbeitszeiten und ein Zuschuss zum Deutschlandticket gehören dazu.",
            "Wir legen Wert auf Zuverlässigkeit, Sorgfalt und Freude am Umgang mit Menschen.",
            "Gute Deutschkenntnisse in Wort und Schrift erleichtern den Einstieg.",
            "Eine Einarbeitung durch erfahrene Kolleginnen und Kollegen ist selbstverständlich.",
            "Bewerbungen von Menschen mit Behinderung sind ausdrücklich erwünscht.",
            "Wir sind ein mittelständisches Familienunternehmen mit über 50 Jahren Erfahrung.",
            "Moderne Maschinen, saubere Arbeitsplätze und eine eigene Kantine erwarten Sie.",
            "Die Übernahme nach der Ausbildung ist unser Ziel.",
            "Kinderbetreuung und Gesundheitsförderung unterstützen wir aktiv.",
            "Urlaubsgeld, Weihnachtsgeld und 30 Tage Urlaub im Jahr.",
            "Montage und Service beim Kunden vor Ort gehören zu Ihren Aufgaben.",
            "Dokumentation und Qualitätssicherung nach aktuellen Standards.",
            "Teilzeit ist nach Absprache möglich.",
            "Sie planen, steuern und überwachen die Abläufe in Ihrem Bereich.",
            "Wir suchen Verstärkung für unser wachsendes Team in der Region.",
            "Erste Berufserfahrung ist wünschenswert, aber keine Voraussetzung."};
    static final String[] GERMAN = {null, null, null, "A2", "B1", "B1", "B2", "C1"};
    private static final Pattern NOISE = Pattern.compile("^(Berufe (in der|im|in) |Aufsichtskräfte – |Aufsichts- und Führungskräfte – )|\\s*\\([^)]*\\)");

    private BenchmarkPostings() {
    }

    static List<Place> places(DataSource db) throws SQLException {
        List<Place> places = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select code, place, kreis_code, latitude, longitude from postal_code where kreis_code is not null order by code, place")) {
            while (rs.next()) {
                places.add(new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5)));
            }
        }
        return places;
    }

    static List<Occupation> occupations(DataSource db) throws SQLException {
        Map<String, String> titles = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select key, title from occupation order by key")) {
            while (rs.next()) {
                titles.put(rs.getString(1), rs.getString(2));
            }
        }
        List<Occupation> out = new ArrayList<>();
        for (var e : titles.entrySet()) {
            String key = e.getKey();
            if (key.length() != 5 || key.charAt(4) == '0') {
                continue;
            }
            String four = titles.getOrDefault(key.substring(0, 4), e.getValue());
            String label = NOISE.matcher(four).replaceAll("").trim();
            if (label.isEmpty()) {
                continue;
            }
            String group = key.substring(0, 3);
            out.add(new Occupation(key, label, e.getValue(), titles.getOrDefault(group, ""), POPULAR.getOrDefault(group, 1)));
        }
        return out;
    }

    /** Search terms that occur in the data: the most frequent label words, some in ASCII spelling (ae, oe, ue, ss). */
    static List<String> terms(List<Occupation> occupations, int count) {
        Map<String, Integer> weight = new LinkedHashMap<>();
        Matcher words = Pattern.compile("\\p{Lu}[\\p{L}]{5,}").matcher("");
        for (Occupation o : occupations) {
            words.reset(o.label());
            while (words.find()) {
                weight.merge(words.group(), o.weight(), Integer::sum);
            }
        }
        List<String> terms = new ArrayList<>(weight.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).filter(w -> !w.startsWith("Tätigkeit") && !w.equals("Spezialisierung") && !w.equals("Berufe"))
                .limit(count - 6).toList());
        terms.addAll(List.of("Schichtarbeit", "Fuehrerschein", "Weiterbildung", "Quereinsteiger", "Kantine", "Hauptstrasse"));
        for (int i = 0; i < terms.size(); i += 4) {
            terms.set(i, terms.get(i).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"));
        }
        return terms;
    }

    /** Loads {@code total} postings; returns the seconds it took (COPY, index build, analyse). */
    static double load(DataSource db, int total, List<Place> places, List<Occupation> occupations, int employers) throws Exception {
        List<String> indexes = indexStatements();
        long start = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate posting_visit, posting"); // and search_posting, by the trigger of V6 (visits of V8 refer to postings)
            for (String create : indexes) {
                s.execute("drop index if exists " + create.split("\\s+")[2]);
            }
        }
        int[] cumulative = cumulative(occupations);
        int threads = 2;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * total / threads;
                int to = (t + 1) * total / threads;
                parts.add(pool.submit(() -> copy(db, from, to, places, occupations, cumulative, employers)));
            }
            for (Future<Long> part : parts) {
                part.get();
            }
        }
        double copied = (System.nanoTime() - start) / 1e9;
        System.out.printf("  COPY of %,d postings: %.1f s (%,.0f rows/s)%n", total, copied, total / copied);
        long indexStart = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> builds = new ArrayList<>();
            for (String create : indexes) {
                builds.add(pool.submit(() -> {
                    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                        s.execute("set maintenance_work_mem = '256MB'");
                        s.execute(create);
                    }
                    return null;
                }));
            }
            for (Future<?> b : builds) {
                b.get();
            }
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze posting");
            s.execute("vacuum analyze search_posting");
        }
        System.out.printf("  search indexes built and analysed: %.1f s%n", (System.nanoTime() - indexStart) / 1e9);
        return (System.nanoTime() - start) / 1e9;
    }

    /** The "create index" statements of the search migrations, so the benchmark builds exactly what production has. */
    static List<String> indexStatements() throws Exception {
        List<String> out = new ArrayList<>();
        for (String file : List.of("V6__search_index.sql", "V7__search_word_cell_pairs.sql")) {
            String migration;
            try (var in = BenchmarkPostings.class.getResourceAsStream("/db/migration/" + file)) {
                migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String statement : migration.split(";")) {
                String sql = statement.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
                if (sql.startsWith("create index")) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    private static long copy(DataSource db, int from, int to, List<Place> places, List<Occupation> occupations, int[] cumulative,
            int employers) throws Exception {
        SplittableRandom random = new SplittableRandom(42L + from);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now();
        try (Connection c = db.getConnection()) {
            c.createStatement().execute("set synchronous_commit = off");
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy posting (id, employer_id, type, status, title, description, kldb, postal_code, place, kreis, latitude,
                        longitude, working_time, remote_share, fixed_term, start_date, valid_through, german_level, temporary_agency,
                        salary_min, salary_max, salary_period, application_url, created_at, updated_at, published_at, closed_at,
                        close_reason) from stdin (format text)""");
            StringBuilder b = new StringBuilder(1 << 20);
            for (int i = from; i < to; i++) {
                row(b, i, random, now, today, places, occupations, cumulative, employers);
                if (b.length() > (1 << 20) - 4096) {
                    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    b.setLength(0);
                }
            }
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            return copy.endCopy();
        }
    }

    private static void row(StringBuilder b, int i, SplittableRandom r, Instant now, LocalDate today, List<Place> places,
            List<Occupation> occupations, int[] cumulative, int employers) {
        Occupation o = occupations.get(pick(cumulative, r.nextInt(cumulative[cumulative.length - 1])));
        Place p = places.get(r.nextInt(places.size()));
        String type = TYPES[pickWeighted(TYPE_WEIGHTS, r)];
        int level = o.key().charAt(4) - '0';
        String title = switch (type) {
            case "APPRENTICESHIP" -> "Ausbildung " + o.label() + " " + (today.getYear() + 1);
            case "DUAL_STUDY" -> "Duales Studium " + o.label();
            case "INTERNSHIP" -> "Praktikum " + o.label();
            case "PROJECT_DAY" -> "Schnuppertag " + o.label();
            case "WORKING_STUDENT" -> "Werkstudent/in " + o.label();
            default -> LEVEL_PREFIX[Math.min(level, 4)] + " " + o.label() + " (m/w/d)";
        };
        StringBuilder d = new StringBuilder(600);
        d.append(o.title()).append(" (").append(o.groupTitle()).append(") in ").append(p.place()).append(". ");
        int sentences = 3 + r.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            d.append(SENTENCES[r.nextInt(SENTENCES.length)]).append(' ');
        }
        String workingTime = type.equals("WORKING_STUDENT") ? "PART_TIME" : r.nextInt(10) < 7 ? "FULL_TIME" : r.nextInt(3) == 0 ? "MINI_JOB" : "PART_TIME";
        int status = r.nextInt(100); // 90 % published, the rest drafts and closed postings
        String st = status < 90 ? "PUBLISHED" : status < 93 ? "DRAFT" : status < 97 ? "FILLED" : "WITHDRAWN";
        Instant published = now.minusSeconds(r.nextLong(90L * 86400));
        boolean salary = r.nextInt(3) == 0;
        int monthly = 2200 + r.nextInt(2800);
        UUID id = new UUID(0x5ea4c40000000000L | i, r.nextLong());
        UUID employer = new UUID(0xe3910e0000000000L, r.nextInt(employers));
        String[] f = {id.toString(), employer.toString(), type, st, title, d.toString().trim(), o.key(), p.code(), p.place(), p.kreis(),
                Double.toString(p.latitude()), Double.toString(p.longitude()), workingTime, Integer.toString(r.nextInt(10) == 0 ? 50 : r.nextInt(40) == 0 ? 100 : 0),
                Boolean.toString(r.nextInt(4) == 0), r.nextBoolean() ? "\\N" : today.plusDays(r.nextInt(180)).toString(),
                today.plusDays(200 + r.nextInt(100)).toString(), nullable(GERMAN[r.nextInt(GERMAN.length)]),
                Boolean.toString(r.nextInt(12) == 0), salary ? Integer.toString(monthly) : "\\N", salary ? Integer.toString(monthly + 400) : "\\N",
                salary ? "MONTH" : "\\N", "https://jobs.example.de/" + id, published.toString(), published.toString(),
                st.equals("DRAFT") ? "\\N" : published.toString(),
                st.equals("FILLED") || st.equals("WITHDRAWN") ? now.toString() : "\\N",
                st.equals("FILLED") ? "FILLED" : st.equals("WITHDRAWN") ? "WITHDRAWN" : "\\N"};
        for (int k = 0; k < f.length; k++) {
            if (k > 0) {
                b.append('\t');
            }
            String v = f[k];
            b.append(v.equals("\\N") ? v : v.replace("\\", "\\\\").replace("\t", " ").replace("\n", " "));
        }
        b.append('\n');
    }

    static void employers(DataSource db, int employers, UUID[] networks) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from employer_membership where last_event = 'benchmark'");
            s.execute("delete from employer where last_event = 'benchmark'");
            s.execute("""
                    insert into employer (partner_id, name, kind, known_since, last_event)
                    select ('e3910e00-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Betrieb ' || g || ' GmbH', 'COMPANY', now(), 'benchmark'
                    from generate_series(0, %d) g""".formatted(employers - 1));
            // every 5th company is an active member of the first network, every 7th of the second
            for (int n = 0; n < networks.length; n++) {
                s.execute("""
                        insert into employer_membership (partner_id, network_id, membership_id, partner_kind, status, applied_at, step_at, last_event)
                        select ('e3910e00-0000-0000-0000-' || lpad(to_hex(g), 12, '0'))::uuid, '%s', gen_random_uuid(), 'COMPANY', 'ACTIVE', now(), now(), 'benchmark'
                        from generate_series(0, %d) g where g %% %d = 0""".formatted(networks[n], employers - 1, n == 0 ? 5 : 7));
            }
        }
    }

    private static String nullable(String v) {
        return v == null ? "\\N" : v;
    }

    private static int[] cumulative(List<Occupation> occupations) {
        int[] c = new int[occupations.size()];
        int sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += occupations.get(i).weight();
            c[i] = sum;
        }
        return c;
    }

    private static int pick(int[] cumulative, int x) {
        int i = Arrays.binarySearch(cumulative, x + 1);
        return i >= 0 ? i : -i - 1;
    }

    private static int pickWeighted(int[] weights, SplittableRandom r) {
        int x = r.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return 0;
    }
}
