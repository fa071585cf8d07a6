package jp.go.meti.aifund.milestone.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;

import jp.go.meti.aifund.milestone.service.ConflictService;
import jp.go.meti.aifund.milestone.service.ReviewCommands.DeclareConflict;
import jp.go.meti.aifund.milestone.service.Views.ConflictView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** Declared conflicts of interest: a reviewer related to a recipient may not assess its milestones. */
@Path("/api/conflicts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conflicts of interest", description = "Reviewers' declared relations to recipients")
@SecurityRequirement(name = "jwt")
public class ConflictResource {

    private final ConflictService conflicts;
    private final Caller caller;
    private final SecurityIdentity identity;

    public ConflictResource(ConflictService conflicts, Caller caller, SecurityIdentity identity) {
        this.conflicts = conflicts;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.METI_OFFICIAL, Roles.PROGRAMME_ADMIN, Roles.VERIFIER})
    @Operation(summary = "Declare a reviewer's relation to a recipient (one's own, or anyone's as programme administrator)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ConflictView.class)))
    public Response declare(@Valid @NotNull DeclareConflict command) {
        ConflictView declared = conflicts.declare(command, caller.name(), identity.hasRole(Roles.PROGRAMME_ADMIN));
        return Response.created(URI.create("/api/conflicts/" + declared.id())).entity(declared).build();
    }

    @GET
    @Path("/{conflictId}")
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.METI_OFFICIAL, Roles.PROGRAMME_ADMIN, Roles.AUDITOR, Roles.VERIFIER})
    public ConflictView get(@RestPath UUID conflictId) {
        return conflicts.get(conflictId);
    }

    @GET
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.METI_OFFICIAL, Roles.PROGRAMME_ADMIN, Roles.AUDITOR, Roles.VERIFIER})
    @Operation(summary = "Declared relations, by reviewer or recipient")
    public Page<ConflictView> search(@RestQuery String reviewer, @RestQuery UUID recipientId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(conflicts.search(reviewer, recipientId), page, size);
    }
}
