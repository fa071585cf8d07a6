package jp.go.meti.aifund.platform.rest;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who the token says the caller is, as the service reads it: for a portal's header, and to check
 * a token's roles and recipients. (No database: the performance harness uses it as the bare
 * endpoint the read path is compared with.)
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Caller", description = "The authenticated caller")
@SecurityRequirement(name = "jwt")
@Authenticated
public class CallerResource {

    public record Me(String name, Set<String> roles, Optional<Set<UUID>> actsOnlyFor) {
    }

    private final Caller caller;
    private final SecurityIdentity identity;

    public CallerResource(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The caller's name, roles and, for a consortium member, the recipients it acts for")
    public Me me() {
        return new Me(caller.name(), new TreeSet<>(identity.getRoles()), caller.actsOnlyFor());
    }
}
