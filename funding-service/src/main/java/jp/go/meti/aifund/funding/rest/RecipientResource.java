package jp.go.meti.aifund.funding.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.funding.service.ProgrammeCommands.AddRecipient;
import jp.go.meti.aifund.funding.service.ProgrammeService;
import jp.go.meti.aifund.funding.service.Views.RecipientView;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/programmes/{programmeId}/recipients")
@Tag(name = "Recipients", description = "The consortium and its members with their shares (basis points)")
@SecurityRequirement(name = "jwt")
public class RecipientResource {

    private final ProgrammeService programmes;

    public RecipientResource(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The recipients of a programme")
    public List<RecipientView> list(@RestPath UUID programmeId) {
        return programmes.recipients(programmeId);
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Add the consortium, a member (with its share) or a research partner")
    public Response add(@RestPath UUID programmeId, @Valid @NotNull AddRecipient command) {
        RecipientView added = programmes.addRecipient(programmeId, command);
        return Response.created(URI.create("/api/programmes/" + programmeId + "/recipients/" + added.id()))
                .entity(added).build();
    }
}
