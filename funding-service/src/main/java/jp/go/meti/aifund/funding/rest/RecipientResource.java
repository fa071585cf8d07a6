package jp.go.meti.aifund.funding.rest;

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

import jp.go.meti.aifund.funding.service.ProgrammeCommands.AddRecipient;
import jp.go.meti.aifund.funding.service.ProgrammeService;
import jp.go.meti.aifund.funding.service.Views.RecipientView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/programmes/{programmeId}/recipients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Recipients", description = "The consortium and its members with their shares (basis points)")
@SecurityRequirement(name = "jwt")
public class RecipientResource {

    private final ProgrammeService programmes;
    private final Caller caller;

    public RecipientResource(ProgrammeService programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The recipients of a programme")
    public Page<RecipientView> list(@RestPath UUID programmeId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(programmes.recipients(programmeId), page, size);
    }

    @GET
    @Path("/{recipientId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "One recipient of a programme")
    public RecipientView get(@RestPath UUID programmeId, @RestPath UUID recipientId) {
        return programmes.recipient(programmeId, recipientId);
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Add the consortium, a member (with its share) or a research partner")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RecipientView.class)))
    public Response add(@RestPath UUID programmeId, @Valid @NotNull AddRecipient command) {
        RecipientView added = programmes.addRecipient(programmeId, command, caller.name());
        return Response.created(URI.create("/api/programmes/" + programmeId + "/recipients/" + added.id()))
                .entity(added).build();
    }
}
