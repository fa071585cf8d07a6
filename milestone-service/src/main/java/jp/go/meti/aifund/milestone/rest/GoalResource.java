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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.milestone.service.GoalCommands.GoalDefinition;
import jp.go.meti.aifund.milestone.service.GoalService;
import jp.go.meti.aifund.milestone.service.Views.GoalView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** A programme's goals that span years, with the checkpoints its milestones implement. */
@Path("/api/programmes/{programmeId}/goals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Goals", description = "Final targets beyond a year, their yearly checkpoints and the actuals against them")
@SecurityRequirement(name = "jwt")
public class GoalResource {

    private final GoalService goals;
    private final Caller caller;

    public GoalResource(GoalService goals, Caller caller) {
        this.goals = goals;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Define a goal of a programme this service's copy knows: its final target (by a fiscal year "
            + "or a date) and checkpoints in ascending fiscal years of the programme")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "404", description = ProgrammeCopyResource.NOT_KNOWN, headers = @Header(
            name = ProgrammeCopyResource.RETRY_AFTER, description = ProgrammeCopyResource.RETRY_AFTER_DESCRIPTION,
            schema = @Schema(type = SchemaType.INTEGER)))
    public Response define(@RestPath UUID programmeId, @Valid @NotNull GoalDefinition definition) {
        GoalView defined = goals.define(programmeId, definition, caller.name());
        return Response.created(URI.create("/api/programmes/" + programmeId + "/goals/" + defined.id()))
                .entity(defined).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "A programme's goals by code, with their checkpoints (without trajectories)")
    public Page<GoalView> search(@RestPath UUID programmeId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return goals.search(programmeId, page, size);
    }

    @GET
    @Path("/{goalId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "A goal with its trajectory: each checkpoint's target and actual, and the projection of the "
            + "latest actual (actual × final target ÷ checkpoint target, against the final threshold)")
    public GoalView get(@RestPath UUID programmeId, @RestPath UUID goalId) {
        return goals.get(programmeId, goalId);
    }
}
