package io.shukei.http;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Paging query parameters shared by every list; the size is capped so no request reads a whole table. */
public class PageParams {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(MAX_SIZE)
    public int size;

    public int offset() {
        return page * size;
    }
}
