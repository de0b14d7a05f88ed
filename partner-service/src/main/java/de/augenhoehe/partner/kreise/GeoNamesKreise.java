package de.augenhoehe.partner.kreise;

import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.augenhoehe.platform.referencedata.MalformedReferenceFile;
import de.augenhoehe.platform.referencedata.ReferenceFile;

/**
 * Reads the Kreise and the postal codes' Kreise out of the GeoNames postal-code list (as converted to CSV:
 * {@code country_code, zipcode, place, state, state_code, province, province_code, community, community_code, latitude,
 * longitude}) through the platform's {@link ReferenceFile}. The Kreis is {@code community_code}; its name is the
 * {@code community} most rows give it (the file spells some two ways, e.g. "Heilbronn" and "Stadtkreis Heilbronn";
 * ties go to the longer, more precise name). A postal code gets every Kreis a row gives it, with the number of such
 * rows (places): a code spanning Kreise is decided by them. Rows without a Kreis (87491 Jungholz, in Austria) and rows
 * of other countries are skipped; a row with a malformed Kreis, name or postal code refuses the whole file
 * ({@link MalformedReferenceFile}).
 */
final class GeoNamesKreise {

    private static final List<String> REQUIRED = List.of("zipcode", "community", "community_code");

    private GeoNamesKreise() {
    }

    /** Kreisschlüssel -> name, and postal code -> Kreisschlüssel -> places. */
    record Reference(Map<String, String> kreise, Map<String, Map<String, Integer>> postalCodes) {
    }

    static Reference read(String source, InputStream in) {
        Map<String, Map<String, Integer>> names = new HashMap<>();
        Map<String, Map<String, Integer>> postalCodes = new TreeMap<>();
        ReferenceFile.read(source, in, ',', REQUIRED, row -> {
            String key = row.get("community_code");
            if (key.isEmpty() || row.has("country_code") && !"DE".equals(row.get("country_code"))) {
                return;
            }
            String name = row.get("community");
            if (!key.matches(KreisTable.KEY) || name.isEmpty() || name.length() > 200) {
                throw row.malformed("no valid Kreisschlüssel and name");
            }
            String postalCode = row.get("zipcode");
            if (!postalCode.matches("[0-9]{5}")) {
                throw row.malformed("no five-digit postal code");
            }
            names.computeIfAbsent(key, k -> new HashMap<>()).merge(name, 1, Integer::sum);
            postalCodes.computeIfAbsent(postalCode, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
        });
        Map<String, String> out = new TreeMap<>();
        names.forEach((key, counts) -> out.put(key, counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey()));
        return new Reference(out, postalCodes);
    }
}
