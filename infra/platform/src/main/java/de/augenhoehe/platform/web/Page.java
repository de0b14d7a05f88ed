package de.augenhoehe.platform.web;

import java.util.List;

/**
 * One page of a list answer with its total, the same shape in every service; every list that grows with use is paged,
 * {@code size} at most {@link #MAX_SIZE}, so no request reads or sends an unbounded number of rows.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    /** The SQL {@code offset} of a page. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
