package de.augenhoehe.measures.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Status;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.TargetGroup;
import de.augenhoehe.measures.vocabulary.MeasureVocabulary.Type;
import de.augenhoehe.platform.web.ListParameters;

/**
 * The catalogue's filters, as SQL over {@code measure m}: every filter narrows, none given is the whole catalogue.
 * Date range and Kreis ask for a session in the range / Kreis.
 */
record CatalogueQuery(List<Type> type, List<TargetGroup> targetGroup, List<String> kreis, LocalDate from, LocalDate to,
        UUID host, UUID network, Boolean freePlaces, List<Status> status) {

    /** A blank value of a list filter ({@code ?type=%20}) arrives as a null element: it is no value, not an error. */
    CatalogueQuery {
        type = ListParameters.withoutBlanks(type);
        targetGroup = ListParameters.withoutBlanks(targetGroup);
        kreis = ListParameters.withoutBlanks(kreis);
        status = ListParameters.withoutBlanks(status);
    }

    record Sql(String where, List<Object> args) {
    }

    /** The same filters over another date range (the calendar's window). */
    CatalogueQuery during(LocalDate from, LocalDate to) {
        return new CatalogueQuery(type, targetGroup, kreis, from, to, host, network, freePlaces, status);
    }

    Sql sql() {
        StringBuilder w = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (type != null && !type.isEmpty()) {
            w.append(" and m.type = any(?::text[])");
            args.add(array(type));
        }
        if (targetGroup != null && !targetGroup.isEmpty()) {
            w.append(" and m.target_groups && ?::text[]");
            args.add(array(targetGroup));
        }
        if (host != null) {
            w.append(" and (m.host_partner_id = ? or ? = any(m.co_organiser_ids))");
            args.add(host);
            args.add(host);
        }
        if (network != null) {
            w.append(" and m.network_id = ?");
            args.add(network);
        }
        if (status != null && !status.isEmpty()) {
            w.append(" and m.status = any(?::text[])");
            args.add(array(status));
        }
        if (Boolean.TRUE.equals(freePlaces)) {
            w.append(" and m.status = 'OPEN' and m.capacity > m.confirmed_places");
        }
        if ((kreis != null && !kreis.isEmpty()) || from != null || to != null) {
            w.append(" and exists (select 1 from measure_session s where s.measure_id = m.id");
            if (kreis != null && !kreis.isEmpty()) {
                w.append(" and s.kreis = any(?::text[])");
                args.add(array(kreis));
            }
            if (from != null) {
                w.append(" and s.day >= ?");
                args.add(from);
            }
            if (to != null) {
                w.append(" and s.day <= ?");
                args.add(to);
            }
            w.append(")");
        }
        return new Sql(w.toString(), args);
    }

    /** Elements are enum names or 5-digit keys (checked by the controller), which need no quoting. */
    private static String array(List<?> values) {
        return "{" + String.join(",", values.stream().map(Object::toString).toList()) + "}";
    }
}
