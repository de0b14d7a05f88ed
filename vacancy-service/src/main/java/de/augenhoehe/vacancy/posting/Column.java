package de.augenhoehe.vacancy.posting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One bound column of a statement: its name, its SQL type and how its value is read from the row object {@code R}.
 * A statement's column list, placeholders, parameter values and types are all derived from one ordered list of
 * these, so they cannot drift apart (see {@link PostingStore}).
 */
record Column<R>(String name, int type, Function<R, Object> value) {

    /** The same columns, reading their value from a part of a bigger row object. */
    static <P, R> List<Column<R>> of(List<Column<P>> columns, Function<R, P> part) {
        return columns.stream().map(c -> new Column<R>(c.name(), c.type(), r -> c.value().apply(part.apply(r)))).toList();
    }

    static <R> List<Column<R>> concat(List<Column<R>> head, List<Column<R>> tail) {
        List<Column<R>> all = new ArrayList<>(head);
        all.addAll(tail);
        return List.copyOf(all);
    }

    static String names(List<? extends Column<?>> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    static String placeholders(List<? extends Column<?>> columns) {
        return String.join(", ", Collections.nCopies(columns.size(), "?"));
    }

    /** {@code name = ?, …} for an update. */
    static String assignments(List<? extends Column<?>> columns) {
        return columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "));
    }

    static int[] types(List<? extends Column<?>> columns) {
        return columns.stream().mapToInt(Column::type).toArray();
    }

    /** One parameter array per row, for a JDBC batch. */
    static <R> List<Object[]> values(List<Column<R>> columns, List<R> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (R row : rows) {
            Object[] a = new Object[columns.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = columns.get(i).value().apply(row);
            }
            args.add(a);
        }
        return args;
    }
}
