package de.augenhoehe.portal.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Where a list stands: page (0-based), the number of pages, and whether there is one before or after — for the API's
 * {@code Page} answers ({@code items, page, size, total}) and for lists the API answers whole, which a page slices
 * itself so that no page grows without end. The pager under a list is {@code fragments/blaettern}.
 */
public record Paging(int page, int pages, long total) {

    public static final int SIZE = 20;

    public static Paging of(JsonNode apiPage) {
        long total = apiPage.path("total").asLong(0);
        int size = Math.max(1, apiPage.path("size").asInt(SIZE));
        return new Paging(apiPage.path("page").asInt(0), (int) Math.max(1, (total + size - 1) / size), total);
    }

    /** The page of a whole list, {@code size} rows a page; a page beyond the last is the last. */
    public static Paging ofList(List<?> all, int requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        return new Paging(Math.min(requested, pages - 1), pages, all.size());
    }

    public <T> List<T> slice(List<T> all, int size) {
        int from = Math.min(all.size(), page * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    /** A page number from the address ({@code seite}, 1-based): missing or below 1 is the first; 0-based here. */
    public static int requested(Integer seite) {
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
