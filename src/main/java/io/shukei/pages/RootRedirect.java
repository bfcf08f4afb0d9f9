package io.shukei.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** The service's address itself leads people to the manager's pages. */
@ApplicationScoped
class RootRedirect {

    void install(@Observes Router router) {
        router.get("/").handler(ctx -> ctx.response().setStatusCode(303).putHeader("Location", "/manage/rounds")
                .putHeader("Cache-Control", "no-store").end());
    }
}
