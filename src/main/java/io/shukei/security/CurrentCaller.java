package io.shukei.security;

import jakarta.enterprise.context.RequestScoped;

/** Holds the request's caller, set once by {@link AuthenticationFilter}. */
@RequestScoped
class CurrentCaller {

    private Caller caller;

    Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
