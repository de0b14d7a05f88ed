package de.augenhoehe.partner.kreise;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Kreise and the postal codes' Kreise out of the GeoNames postal-code list (as converted to CSV:
 * {@code country_code, zipcode, place, state, state_code, province, province_code, community, community_code, latitude,
 * longitude}). The Kreis is {@code community_code}; its name is the {@code community} most rows give it (the file
 * spells some two ways, e.g. "Heilbronn" and "Stadtkreis Heilbronn"; ties go to the longer, more precise name).
 * A postal code gets every Kreis a row gives it, with the number of such rows (places): a code spanning Kreise is
 * decided by them. Rows without a Kreis (87491 Jungholz, in Austria) and rows of other countries are skipped.
 */
final class GeoNamesKreise {

    private GeoNamesKreise() {
    }

    /** The file does not have the expected form; nothing is imported. */
    static final class MalformedFile extends RuntimeException {
        MalformedFile(String message) {
            super(message, null, false, false);
        }
    }

    /** Kreisschlüssel -> name, and postal code -> Kreisschlüssel -> places. */
    record Reference(Map<String, String> kreise, Map<String, Map<String, Integer>> postalCodes) {
    }

    static Reference read(BufferedReader in) throws IOException {
        String header = in.readLine();
        if (header == null) {
            throw new MalformedFile("the file is empty");
        }
        List<String> columns = fields(header.startsWith("\uFEFF") ? header.substring(1) : header);
        int code = columns.indexOf("community_code");
        int name = columns.indexOf("community");
        int zipcode = columns.indexOf("zipcode");
        int country = columns.indexOf("country_code");
        if (code < 0 || name < 0 || zipcode < 0) {
            throw new MalformedFile("the header names no zipcode, community_code and community columns");
        }
        Map<String, Map<String, Integer>> names = new HashMap<>();
        Map<String, Map<String, Integer>> postalCodes = new TreeMap<>();
        String line;
        int row = 1;
        while ((line = in.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() != columns.size()) {
                throw new MalformedFile("row " + row + " has " + f.size() + " fields, the header " + columns.size());
            }
            String key = f.get(code).strip();
            String n = f.get(name).strip();
            if (key.isEmpty() || country >= 0 && !"DE".equals(f.get(country).strip())) {
                continue;
            }
            if (!key.matches(KreisTable.KEY) || n.isEmpty() || n.length() > 200) {
                throw new MalformedFile("row " + row + " has no valid Kreisschlüssel and name");
            }
            String postalCode = f.get(zipcode).strip();
            if (!postalCode.matches("[0-9]{5}")) {
                throw new MalformedFile("row " + row + " has no five-digit postal code");
            }
            names.computeIfAbsent(key, k -> new HashMap<>()).merge(n, 1, Integer::sum);
            postalCodes.computeIfAbsent(postalCode, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
        }
        Map<String, String> out = new TreeMap<>();
        names.forEach((key, counts) -> out.put(key, counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> e.getKey().length()).thenComparing(Map.Entry::getKey))
                .orElseThrow().getKey()));
        return new Reference(out, postalCodes);
    }

    /** One CSV line: comma separated, fields optionally in double quotes ("" is a quote inside). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new MalformedFile("a quoted field is not closed");
        }
        out.add(f.toString());
        return out;
    }
}
