package jp.go.meti.aifund.milestone.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.milestone.service.MilestoneCommands.MilestoneDefinition;
import jp.go.meti.aifund.milestone.service.MilestoneService;
import jp.go.meti.aifund.milestone.service.Views.MilestoneView;
import jp.go.meti.aifund.milestone.service.Views.YearPlan;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Roles;

/** The milestones of each fiscal year of a programme, defined by NEDO's programme officers. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Milestones", description = "Measurable targets of each fiscal year, with threshold, weight and critical flag")
@SecurityRequirement(name = "jwt")
public class MilestoneResource {

    private final MilestoneService milestones;
    private final Caller caller;

    public MilestoneResource(MilestoneService milestones, Caller caller) {
        this.milestones = milestones;
        this.caller = caller;
    }

    @GET
    @Path("/programmes/{programmeId}/fiscal-years/{fiscalYear}/milestones")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "The milestones of a fiscal year, their total weight and the review's due date")
    public YearPlan plan(@RestPath UUID programmeId, @RestPath @Min(2000) @Max(2100) int fiscalYear,
            @RestQuery @DefaultValue("false") boolean includeSuperseded) {
        return milestones.plan(programmeId, fiscalYear, includeSuperseded);
    }

    @POST
    @Path("/programmes/{programmeId}/fiscal-years/{fiscalYear}/milestones")
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Define a milestone of a fiscal year of a programme this service's copy knows, within the "
            + "programme's fiscal years; its recipient, if named, one of the programme's")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "404", description = ProgrammeCopyResource.NOT_KNOWN, headers = @Header(
            name = ProgrammeCopyResource.RETRY_AFTER, description = ProgrammeCopyResource.RETRY_AFTER_DESCRIPTION,
            schema = @Schema(type = SchemaType.INTEGER)))
    public Response define(@RestPath UUID programmeId, @RestPath @Min(2000) @Max(2100) int fiscalYear,
            @Valid @NotNull MilestoneDefinition definition) {
        MilestoneView defined = milestones.define(programmeId, fiscalYear, definition, caller.name());
        return Response.created(URI.create("/api/milestones/" + defined.id())).entity(defined).build();
    }

    @GET
    @Path("/milestones/{milestoneId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    public MilestoneView get(@RestPath UUID milestoneId) {
        return milestones.get(milestoneId);
    }

    @PUT
    @Path("/milestones/{milestoneId}")
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Redefine a milestone: in place until a result refers to it; afterwards as a new "
            + "version (201 with its Location) that supersedes this one")
    @APIResponse(responseCode = "200", description = "The same definition again: nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "201", description = "A new version, superseding the one named",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MilestoneView.class)))
    public Response redefine(@RestPath UUID milestoneId, @RestHeader(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull MilestoneDefinition definition) {
        MilestoneView redefined = milestones.redefine(milestoneId, definition, caller.name(), ifMatch);
        if (redefined.id().equals(milestoneId)) {
            return Response.ok(redefined).build();
        }
        return Response.created(URI.create("/api/milestones/" + redefined.id())).entity(redefined).build();
    }

    @DELETE
    @Path("/milestones/{milestoneId}")
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Remove a milestone that no review has assessed and that was never revised")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@RestPath UUID milestoneId) {
        milestones.remove(milestoneId);
        return Response.noContent().build();
    }
}
