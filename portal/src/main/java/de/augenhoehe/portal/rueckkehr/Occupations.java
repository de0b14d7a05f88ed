package de.augenhoehe.portal.rueckkehr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The occupation fields a returnee picks from: KldB 2010 groups (3 digits, what the API matches on) with their German
 * names. Nobody knows their KldB code; everybody knows their field. The list holds the groups the networks' employers
 * look for most; the API accepts any group.
 */
final class Occupations {

    static final Map<String, String> GROUPS = groups();

    private Occupations() {
    }

    private static Map<String, String> groups() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("242", "Metallbearbeitung");
        g.put("244", "Metallbau und Schweißtechnik");
        g.put("251", "Maschinenbau und Betriebstechnik");
        g.put("252", "Fahrzeug-, Luft-, Raumfahrt- und Schiffbautechnik");
        g.put("261", "Mechatronik und Automatisierungstechnik");
        g.put("262", "Energietechnik");
        g.put("263", "Elektrotechnik");
        g.put("292", "Lebensmittelherstellung");
        g.put("293", "Küche und Speisenzubereitung");
        g.put("321", "Hochbau");
        g.put("342", "Sanitär, Heizung und Klima");
        g.put("431", "Informatik");
        g.put("434", "Softwareentwicklung");
        g.put("513", "Lager, Post und Zustellung");
        g.put("521", "Berufskraftfahrt");
        g.put("621", "Verkauf");
        g.put("632", "Hotellerie");
        g.put("714", "Büro und Sekretariat");
        g.put("721", "Bank und Versicherung");
        g.put("813", "Gesundheits- und Krankenpflege");
        g.put("821", "Altenpflege");
        g.put("831", "Erziehung und Sozialarbeit");
        return Collections.unmodifiableMap(g);
    }

    /** The German name of a KldB code (5 digits or a group of 3), or the code itself. */
    static String name(String kldb) {
        if (kldb == null || kldb.length() < 3) {
            return kldb;
        }
        return GROUPS.getOrDefault(kldb.substring(0, 3), kldb);
    }
}
