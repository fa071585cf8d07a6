package jp.go.meti.aifund.milestone.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.milestone.service.ProgrammeCopies;
import jp.go.meti.aifund.milestone.service.Views.ProgrammeCopyView;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * What this service knows of a programme: its copy of funding-service's, kept from the programme
 * events, with when it was last updated; a portal that has just created a programme in
 * funding-service polls this until 200 before defining milestones. (Under {@code /api} like the other
 * resources: a class at {@code /api/programmes/{programmeId}} would take their paths below it.)
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programmes", description = "milestone-service's copy of funding-service's programmes (fiscal-year range, "
        + "recipients), which may lag a few seconds behind funding-service")
@SecurityRequirement(name = "jwt")
public class ProgrammeCopyResource {

    /** The 404 of an operation naming a programme this service's copy may not know yet. */
    static final String NOT_KNOWN = "The programme is not known to this service's copy (yet: a programme created in "
            + "funding-service a moment ago may not have arrived); retry after Retry-After seconds";
    static final String RETRY_AFTER = "Retry-After";
    static final String RETRY_AFTER_DESCRIPTION = "Seconds after which the copy may know the programme";

    private final ProgrammeCopies copies;

    public ProgrammeCopyResource(ProgrammeCopies copies) {
        this.copies = copies;
    }

    @GET
    @Path("/programmes/{programmeId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "A programme as this service's copy knows it, and when the copy was last updated")
    @APIResponse(responseCode = "200", description = "The copy", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgrammeCopyView.class)))
    @APIResponse(responseCode = "404", description = NOT_KNOWN, headers = @Header(name = RETRY_AFTER,
            description = RETRY_AFTER_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER)))
    public ProgrammeCopyView get(@RestPath UUID programmeId) {
        return copies.get(programmeId);
    }
}
