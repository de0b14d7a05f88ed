package de.augenhoehe.portal.meinbereich.betrieb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;

/**
 * The night page's view of one reading of the ops API: each part in words (with a {@link Stufe} per row) and the
 * summary of everything that is wrong. A part whose call failed is null, with its reason in {@link #grund}. The
 * thresholds are those of the platform's alert rules (infra/monitoring: OutboxBacklogHigh, OutboxStalled,
 * ConsumerLagHigh), so the page and the alerts agree on what is a problem.
 */
public record Lagebericht(Instant stand, List<Dienst> dienste, List<Schalter> schalter, List<Ausgang> ausgang,
        List<Verbraucher> verbraucher, Speicher speicher, Totbriefe totbriefe, List<Befund> befunde,
        Map<String, String> gruende) {

    static final double BACKLOG_HOCH = 1000;
    static final double STAU_SEKUNDEN = 120;
    static final double RUECKSTAND_HOCH = 1000;

    public record Instanz(String adresse, Stufe stufe, String zustand, String komponenten, String lastverteilung, String fehler) {
    }

    public record Dienst(String name, Stufe stufe, String zustand, List<Instanz> instanzen) {
    }

    public record Schalter(String name, Stufe stufe, String zustand, String fehlerquote, String aufrufe, String bulkhead) {
    }

    public record Ausgang(String dienst, String instanz, Stufe stufe, String rueckstand, String aeltestes, String fehler) {
    }

    public record Verbraucher(String dienst, String instanz, Stufe stufe, String maxRueckstand, String jeTopic,
            String totgeschrieben, String fehler) {
    }

    public record Speicher(Stufe stufe, String art, String zustand, String seit, String detail, String lokal) {
    }

    /** Why a part is empty ("health", "outbox", "dead-letters/measures", …): its call failed. */
    public String grund(String part) {
        return gruende.get(part);
    }

    /** The summary as one sentence (what a screen reader is told when it changes). */
    public String ansage() {
        if (befunde.isEmpty()) {
            return "Alles in Ordnung.";
        }
        long stoerungen = befunde.stream().filter(b -> b.stufe() == Stufe.STOERUNG).count();
        return befunde.size() + (befunde.size() == 1 ? " Problem" : " Probleme") + (stoerungen > 0 ? ", davon " + stoerungen
                + (stoerungen == 1 ? " Störung" : " Störungen") : "") + ": " + befunde.getFirst().text();
    }

    static Lagebericht aus(OpsAbfrage.Lage lage, Totbriefe totbriefe, Instant stand) {
        List<Befund> befunde = new ArrayList<>();
        Map<String, String> gruende = new TreeMap<>();
        lage.failures().forEach((part, problem) -> gruende.put(part, grund(problem)));
        for (String part : List.of("health", "circuit-breakers", "outbox", "consumers", "rate-limit-store")) {
            if (gruende.containsKey(part)) {
                befunde.add(new Befund(Stufe.WARNUNG, TEILE.get(part) + ": nicht erreichbar (" + gruende.get(part) + ")."));
            }
        }
        List<Dienst> dienste = lage.health() == null ? null : dienste(lage.health(), befunde);
        List<Schalter> schalter = lage.breakers() == null ? null : schalter(lage.breakers(), befunde);
        List<Ausgang> ausgang = lage.outbox() == null ? null : ausgang(lage.outbox(), befunde);
        List<Verbraucher> verbraucher = lage.consumers() == null ? null : verbraucher(lage.consumers(), befunde);
        Speicher speicher = lage.rateLimitStore() == null ? null : speicher(lage.rateLimitStore(), befunde);
        befunde.addAll(totbriefe.befunde());
        befunde.sort(Comparator.comparing(Befund::stufe));
        return new Lagebericht(stand, dienste, schalter, ausgang, verbraucher, speicher, totbriefe, List.copyOf(befunde), gruende);
    }

    private static final Map<String, String> TEILE = Map.of("health", "Zustand der Dienste", "circuit-breakers",
            "Schutzschalter", "outbox", "Ausgang (Outbox)", "consumers", "Verbraucher", "rate-limit-store", "Rate-Limit-Speicher");

    static String grund(ApiProblem problem) {
        if (problem.slug().equals("page-deadline")) {
            return "keine Antwort innerhalb von " + OpsAbfrage.FRIST.toSeconds() + " Sekunden";
        }
        return problem.unavailable() ? "keine Antwort" : "Antwort " + problem.status();
    }

    private static List<Dienst> dienste(JsonNode health, List<Befund> befunde) {
        List<Dienst> result = new ArrayList<>();
        for (var service : health.path("services").properties()) {
            String name = service.getKey();
            List<Instanz> instanzen = new ArrayList<>();
            for (JsonNode i : service.getValue().path("instances")) {
                String status = i.path("status").asString("UNKNOWN");
                List<String> teile = new ArrayList<>();
                List<String> kaputt = new ArrayList<>();
                for (var c : i.path("components").properties()) {
                    String s = c.getValue().asString("UNKNOWN");
                    teile.add(komponente(c.getKey()) + ": " + zustand(s));
                    if (!"UP".equals(s)) {
                        kaputt.add(komponente(c.getKey()) + " " + zustand(s));
                    }
                }
                Stufe stufe = "UP".equals(status) ? Stufe.OK : Stufe.STOERUNG;
                String lb = i.path("inLoadBalancer").asBoolean(false) ? "bekommt Anfragen"
                        : "bekommt keine Anfragen (" + i.path("lastCheck").asString("letzte Prüfung fehlgeschlagen") + ")";
                String adresse = i.path("instance").asString("?");
                instanzen.add(new Instanz(adresse, stufe, zustand(status), teile.isEmpty() ? "–" : String.join(", ", teile), lb,
                        i.path("error").asString(null)));
                if (stufe != Stufe.OK) {
                    befunde.add(new Befund(Stufe.STOERUNG, name + ": Instanz " + adresse + " ist " + zustand(status)
                            + (kaputt.isEmpty() ? "" : " (" + String.join(", ", kaputt) + ")") + "."));
                }
            }
            String status = service.getValue().path("status").asString("UNKNOWN");
            result.add(new Dienst(name, "UP".equals(status) ? Stufe.OK : Stufe.STOERUNG, zustand(status), instanzen));
        }
        return result;
    }

    private static List<Schalter> schalter(JsonNode breakers, List<Befund> befunde) {
        List<Schalter> result = new ArrayList<>();
        for (var b : breakers.properties()) {
            JsonNode v = b.getValue();
            String state = v.path("state").asString("UNKNOWN");
            Stufe stufe = switch (state) {
                case "CLOSED", "DISABLED", "METRICS_ONLY" -> Stufe.OK;
                case "HALF_OPEN" -> Stufe.WARNUNG;
                default -> Stufe.STOERUNG;
            };
            String zustand = switch (state) {
                case "CLOSED" -> "geschlossen (Aufrufe gehen durch)";
                case "HALF_OPEN" -> "halb offen (Probeaufrufe)";
                case "OPEN" -> "offen: Aufrufe werden sofort abgewiesen, halb offen in "
                        + Anzeige.dauer(v.path("halfOpenInSeconds").asDouble(0));
                case "FORCED_OPEN" -> "von Hand geöffnet";
                default -> state;
            };
            String bulkhead = "–";
            JsonNode bh = v.path("bulkhead");
            if (bh.isObject()) {
                int max = bh.path("maxConcurrentCalls").asInt(0);
                int frei = bh.path("availableConcurrentCalls").asInt(0);
                bulkhead = (max - frei) + " von " + max + " Plätzen belegt";
                if (max > 0 && frei == 0) {
                    stufe = Stufe.schlimmste(stufe, Stufe.WARNUNG);
                    befunde.add(new Befund(Stufe.WARNUNG, "Schutzschalter " + b.getKey() + ": alle " + max
                            + " Plätze belegt, weitere Aufrufe werden abgewiesen."));
                }
            }
            if (stufe == Stufe.STOERUNG || "HALF_OPEN".equals(state)) {
                befunde.add(new Befund(stufe, "Schutzschalter " + b.getKey() + " ist " + zustand + "."));
            }
            result.add(new Schalter(b.getKey(), stufe, zustand, Anzeige.prozent(v.path("failureRatePercent").asDouble(-1)),
                    Anzeige.zahl(v.path("bufferedCalls").asDouble(0)) + " gezählt, " + Anzeige.zahl(v.path("failedCalls").asDouble(0))
                            + " fehlgeschlagen, " + Anzeige.zahl(v.path("notPermittedCalls").asDouble(0)) + " abgewiesen",
                    bulkhead));
        }
        return result;
    }

    /** The services count their waiting events up to this many (infra's OutboxMetrics): a larger outbox reads as it. */
    static final double GEZAEHLT_BIS = 10_000;

    private static String wartende(double backlog) {
        return backlog >= GEZAEHLT_BIS ? "mindestens " + Anzeige.zahl(GEZAEHLT_BIS) : Anzeige.zahl(backlog);
    }

    private static List<Ausgang> ausgang(JsonNode outbox, List<Befund> befunde) {
        List<Ausgang> result = new ArrayList<>();
        for (var service : outbox.properties()) {
            for (JsonNode i : service.getValue().path("instances")) {
                String adresse = i.path("instance").asString("?");
                if (i.hasNonNull("error")) {
                    result.add(new Ausgang(service.getKey(), adresse, Stufe.WARNUNG, "–", "–", "Messwerte nicht lesbar: " + i.path("error").asString()));
                    befunde.add(new Befund(Stufe.WARNUNG, service.getKey() + ": Messwerte des Ausgangs von " + adresse + " nicht lesbar."));
                    continue;
                }
                double backlog = i.path("backlog").asDouble(0);
                double alter = i.path("oldestPendingAgeSeconds").asDouble(0);
                Stufe stufe = alter > STAU_SEKUNDEN ? Stufe.STOERUNG : backlog > BACKLOG_HOCH ? Stufe.WARNUNG : Stufe.OK;
                if (stufe == Stufe.STOERUNG) {
                    befunde.add(new Befund(stufe, service.getKey() + ": der Ausgang staut sich, das älteste Ereignis wartet seit "
                            + Anzeige.dauer(alter) + " (" + wartende(backlog) + " warten)."));
                } else if (stufe == Stufe.WARNUNG) {
                    befunde.add(new Befund(stufe, service.getKey() + ": " + wartende(backlog) + " Ereignisse warten im Ausgang."));
                }
                result.add(new Ausgang(service.getKey(), adresse, stufe, wartende(backlog),
                        backlog == 0 ? "–" : Anzeige.dauer(alter), null));
            }
        }
        return result;
    }

    private static List<Verbraucher> verbraucher(JsonNode consumers, List<Befund> befunde) {
        List<Verbraucher> result = new ArrayList<>();
        for (var service : consumers.properties()) {
            for (JsonNode i : service.getValue().path("instances")) {
                String adresse = i.path("instance").asString("?");
                if (i.hasNonNull("error")) {
                    result.add(new Verbraucher(service.getKey(), adresse, Stufe.WARNUNG, "–", "–", "–",
                            "Messwerte nicht lesbar: " + i.path("error").asString()));
                    befunde.add(new Befund(Stufe.WARNUNG, service.getKey() + ": Messwerte der Verbraucher von " + adresse + " nicht lesbar."));
                    continue;
                }
                double max = i.path("maxLag").asDouble(0);
                List<String> topics = new ArrayList<>();
                i.path("lagByTopic").properties().forEach(t -> topics.add(t.getKey() + ": " + Anzeige.zahl(t.getValue().asDouble(0))));
                Stufe stufe = max > RUECKSTAND_HOCH ? Stufe.WARNUNG : Stufe.OK;
                if (stufe != Stufe.OK) {
                    befunde.add(new Befund(stufe, service.getKey() + ": die Verbraucher liegen " + Anzeige.zahl(max) + " Ereignisse zurück."));
                }
                result.add(new Verbraucher(service.getKey(), adresse, stufe, Anzeige.zahl(max),
                        topics.isEmpty() ? "–" : String.join(", ", topics), Anzeige.zahl(i.path("deadLetteredSinceStart").asDouble(0)), null));
            }
        }
        return result;
    }

    private static Speicher speicher(JsonNode store, List<Befund> befunde) {
        String state = store.path("state").asString("UNKNOWN");
        String art = switch (store.path("store").asString("")) {
            case "memory" -> "im Speicher dieser Gateway-Instanz";
            case "redis" -> "Redis, geteilt von allen Gateway-Instanzen";
            case "none" -> "keiner";
            default -> store.path("store").asString("?");
        };
        Stufe stufe = "UP".equals(state) ? Stufe.OK : Stufe.WARNUNG;
        String zustand = switch (state) {
            case "UP" -> "erreichbar";
            case "DOWN" -> "nicht erreichbar: jede Gateway-Instanz begrenzt für sich";
            case "OFF" -> "abgeschaltet: keine Begrenzung";
            default -> state;
        };
        if (stufe != Stufe.OK) {
            befunde.add(new Befund(stufe, "Rate-Limit-Speicher: " + zustand + "."));
        }
        Instant seit = Anzeige.instant(store.path("since").asString(null));
        return new Speicher(stufe, art, zustand, seit == null ? "–" : Anzeige.zeit(seit), store.path("detail").asString("–"),
                Anzeige.zahl(store.path("localDecisions").asDouble(0)));
    }

    private static String komponente(String name) {
        return switch (name) {
            case "db" -> "Datenbank";
            case "kafka" -> "Kafka";
            case "diskSpace" -> "Festplatte";
            case "readinessState" -> "Bereitschaft";
            case "livenessState" -> "Lebenszeichen";
            default -> name;
        };
    }

    private static String zustand(String status) {
        return switch (status) {
            case "UP" -> "bereit";
            case "DOWN" -> "ausgefallen";
            case "DEGRADED" -> "eingeschränkt";
            case "OUT_OF_SERVICE" -> "außer Betrieb";
            case "UNREACHABLE" -> "nicht erreichbar";
            default -> "unbekannt (" + status + ")";
        };
    }
}
