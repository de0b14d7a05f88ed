package de.augenhoehe.portal.meinbereich.koordination;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Where a list stands: page (0-based), the number of pages, and whether there is one before or after. For the API's
 * {@code Page} answers ({@code items, page, size, total}) and for lists the API answers whole (working groups, a
 * network's balance), which the portal pages itself so that no page grows without end.
 */
record Paging(int page, int pages, long total) {

    static final int SIZE = 20;

    static Paging of(JsonNode apiPage) {
        long total = apiPage.path("total").asLong(0);
        int size = Math.max(1, apiPage.path("size").asInt(SIZE));
        return new Paging(apiPage.path("page").asInt(0), (int) Math.max(1, (total + size - 1) / size), total);
    }

    static <T> List<T> slice(List<T> all, int page) {
        int from = Math.min(all.size(), page * SIZE);
        return all.subList(from, Math.min(all.size(), from + SIZE));
    }

    static Paging ofList(List<?> all, int page) {
        return new Paging(page, Math.max(1, (all.size() + SIZE - 1) / SIZE), all.size());
    }

    /** A page number from the address: below 0 is the first. */
    static int requested(Integer seite) {
        return seite == null || seite < 1 ? 0 : seite - 1;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages;
    }

    /** 1-based, as people count pages and as the address carries them ({@code seite}). */
    public int number() {
        return page + 1;
    }
}
