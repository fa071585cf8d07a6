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

import jp.go.meti.aifund.funding.service.ProgrammeCommands.CreateProgramme;
import jp.go.meti.aifund.funding.service.ProgrammeService;
import jp.go.meti.aifund.funding.service.Views.ProgrammeView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "The programme, its ceiling and the money held against it")
@SecurityRequirement(name = "jwt")
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final Caller caller;

    public ProgrammeResource(ProgrammeService programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Create a programme with its ceiling (whole yen) and fiscal years")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeView.class)))
    public Response create(@Valid @NotNull CreateProgramme command) {
        ProgrammeView created = programmes.create(command, caller.name());
        return Response.created(URI.create("/api/programmes/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "List programmes, oldest first")
    public Page<ProgrammeView> list(@RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return programmes.list(page, size);
    }

    @GET
    @Path("/{programmeId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "A programme with its totals and headroom (ceiling − committed − disbursed + reappropriated: returned money is no headroom until re-appropriated)")
    public ProgrammeView get(@RestPath UUID programmeId) {
        return programmes.get(programmeId);
    }
}
