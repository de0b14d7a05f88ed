package de.augenhoehe.portal.meinbereich.betrieb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The dead letters of all services in one list, oldest first, {@link #SEITE} a page. SHORTCUT(#18): the ops API has a
 * limit but no offset, so page n reads the first n pages of every service again (at most 1,000 each, the API's
 * limit: 50 pages); enough for a night shift, where more than a few dead letters are one problem seen many times.
 */
public record Totbriefe(List<Totbrief> seite, int nummer, boolean weitere, Map<String, Long> offenJeDienst,
        Map<String, Boolean> vollstaendig, List<String> nichtErreichbar) {

    static final int SEITE = 20;
    static final int MAX_SEITE = 1000 / SEITE;

    /** How many dead letters to read per service for page {@code nummer}: one more than the pages so far, to know of more. */
    static int limitFuer(int nummer) {
        return Math.min(1000, nummer * SEITE + 1);
    }

    static int seitennummer(Integer gewuenscht) {
        return gewuenscht == null ? 1 : Math.clamp(gewuenscht, 1, MAX_SEITE);
    }

    static Totbriefe aus(Map<String, JsonNode> jeDienst, int nummer) {
        List<Totbrief> alle = new ArrayList<>();
        Map<String, Long> offen = new LinkedHashMap<>();
        Map<String, Boolean> vollstaendig = new LinkedHashMap<>();
        List<String> nichtErreichbar = new ArrayList<>();
        int limit = limitFuer(nummer);
        jeDienst.forEach((dienst, letters) -> {
            if (letters == null) {
                nichtErreichbar.add(dienst);
                return;
            }
            List<Totbrief> eigene = new ArrayList<>();
            letters.forEach(l -> eigene.add(Totbrief.aus(dienst, l)));
            alle.addAll(eigene);
            offen.put(dienst, eigene.stream().filter(t -> !t.erneutAngewandt()).count());
            vollstaendig.put(dienst, eigene.size() < limit);
        });
        alle.sort(Comparator.comparing(Totbrief::zeit, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Totbrief::dienst).thenComparing(Totbrief::topic).thenComparingInt(Totbrief::partition)
                .thenComparingLong(Totbrief::offset));
        int von = Math.min(alle.size(), (nummer - 1) * SEITE);
        int bis = Math.min(alle.size(), nummer * SEITE);
        return new Totbriefe(List.copyOf(alle.subList(von, bis)), nummer, alle.size() > bis && nummer < MAX_SEITE,
                offen, vollstaendig, List.copyOf(nichtErreichbar));
    }

    /** What the summary says about dead letters: open ones per service, and services whose list could not be read. */
    List<Befund> befunde() {
        List<Befund> result = new ArrayList<>();
        offenJeDienst.forEach((dienst, n) -> {
            if (n > 0) {
                result.add(new Befund(Stufe.WARNUNG, dienst + "-service: " + (vollstaendig.get(dienst) ? "" : "mindestens ") + n
                        + (n == 1 ? " Dead Letter wartet" : " Dead Letters warten") + " auf eine Entscheidung (Ereignisse, die nicht angewandt wurden)."));
            }
        });
        nichtErreichbar.forEach(dienst -> result.add(new Befund(Stufe.WARNUNG, "Dead Letters von " + dienst + "-service: nicht erreichbar.")));
        return result;
    }

    public boolean leer() {
        return seite.isEmpty();
    }
}
