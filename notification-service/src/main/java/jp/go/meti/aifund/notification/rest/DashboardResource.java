package jp.go.meti.aifund.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.notification.service.Visibility;
import jp.go.meti.aifund.platform.rest.Languages;
import jp.go.meti.aifund.notification.service.Dashboard;
import jp.go.meti.aifund.notification.service.Dashboard.Figures;
import jp.go.meti.aifund.notification.service.Dashboard.ProgrammeBoard;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** The read model behind the dashboard (/dashboard/): built from the review and tranche events. */
@Path("/api/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "Ceiling utilization, tranches, reviews and open warnings per programme")
@SecurityRequirement(name = "jwt")
public class DashboardResource {

    private final Dashboard dashboard;

    private final Visibility visibility;

    public DashboardResource(Dashboard dashboard, Visibility visibility) {
        this.dashboard = dashboard;
        this.visibility = visibility;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The programmes seen on the tranche topic, with their totals")
    public Page<Figures> programmes(@RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(dashboard.programmes().stream().filter(f -> visibility.sees(f.programmeId())).toList(), page, size);
    }

    @GET
    @Path("/{programmeId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "One programme: totals, tranches by fiscal year and state, reviews, open warnings by severity")
    public ProgrammeBoard programme(@RestPath UUID programmeId,
            @Context HttpHeaders headers) {
        visibility.requireVisible("programme", programmeId, programmeId);
        return dashboard.programme(programmeId, Languages.of(headers));
    }
}
