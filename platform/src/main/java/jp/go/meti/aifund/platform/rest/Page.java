package jp.go.meti.aifund.platform.rest;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * One page of a list, and how many items there are in all. Every list of every service is paged
 * the same way: {@code page} counts from {@value #FIRST}, {@code size} is 1 to {@value #MAX_SIZE}
 * items, {@value #DEFAULT_SIZE} when not given; a value outside that is a 400 naming it.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static final String FIRST = "0";
    public static final String DEFAULT_SIZE = "20";
    public static final int MAX_SIZE = 200;

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(paged.list().stream().map(view).toList(), page, size, paged.count(), paged.pageCount());
    }

    /** A page of a list that is small by nature (a programme's envelopes, its consortium), read whole. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        long from = Math.min((long) page * size, all.size());
        int to = (int) Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList((int) from, to)), page, size, all.size(),
                (all.size() + size - 1) / size);
    }
}
