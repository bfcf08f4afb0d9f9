package io.shukei.http;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list; {@code page} counts from 0. */
@Schema(name = "Page")
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageParams params, long totalItems) {
        int pages = (int) ((totalItems + params.size - 1) / params.size);
        return new Page<>(items, params.page, params.size, totalItems, pages);
    }
}
