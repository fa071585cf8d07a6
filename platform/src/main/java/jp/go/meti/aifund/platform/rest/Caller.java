package jp.go.meti.aifund.platform.rest;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated person behind the request, as the services record them. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code upn}, {@code preferred_username} or {@code sub}, in that order. */
    public String name() {
        return identity.getPrincipal().getName();
    }
}
