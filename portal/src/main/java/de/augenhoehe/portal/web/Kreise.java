package de.augenhoehe.portal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kreise of the demo regions, whose postal codes the services ship: what the measures catalogue's filter offers,
 * and the names of last resort. Any other Kreis is named by partner-service's table ({@link KreisNames}).
 */
public final class Kreise {

    /** Key → name, in the order the filters offer them. */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("08121", "Heilbronn (Stadt)");
        names.put("08125", "Landkreis Heilbronn");
        names.put("03402", "Emden");
        names.put("03452", "Landkreis Aurich");
        names.put("03454", "Landkreis Emsland");
        names.put("03456", "Landkreis Grafschaft Bentheim");
        names.put("03457", "Landkreis Leer");
        names.put("03462", "Landkreis Wittmund");
        NAMES = Collections.unmodifiableMap(names);
    }

    private Kreise() {
    }

    public static String name(String key) {
        return NAMES.getOrDefault(key, "Kreis " + key);
    }
}
