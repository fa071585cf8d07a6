package jp.go.meti.aifund.platform.rest;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list ({@code page} counts from 0), and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        PanacheQuery<E> paged = query.page(io.quarkus.panache.common.Page.of(page, size));
        return new Page<>(paged.list().stream().map(view).toList(), page, size, paged.count(), paged.pageCount());
    }
}
