package jp.go.meti.aifund.funding.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.funding.service.ProgrammeCommands.OverrideGate;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.SetEnvelope;
import jp.go.meti.aifund.funding.service.ProgrammeService;
import jp.go.meti.aifund.funding.service.Views.EnvelopeView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/programmes/{programmeId}/envelopes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Fiscal-year envelopes", description = "Planned amount per Japanese fiscal year, and the gate of its tranches")
@SecurityRequirement(name = "jwt")
public class EnvelopeResource {

    private final ProgrammeService programmes;
    private final Caller caller;

    public EnvelopeResource(ProgrammeService programmes, Caller caller) {
        this.programmes = programmes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The envelopes of every fiscal year, with their headroom and gate")
    public Page<EnvelopeView> list(@RestPath UUID programmeId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(programmes.envelopes(programmeId), page, size);
    }

    @GET
    @Path("/{fiscalYear}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The envelope of one fiscal year, with its headroom and gate")
    public EnvelopeView get(@RestPath UUID programmeId, @RestPath int fiscalYear) {
        return programmes.envelope(programmeId, fiscalYear);
    }

    @PUT
    @Path("/{fiscalYear}")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Set the planned amount of a fiscal year; all envelopes together stay within the ceiling")
    public EnvelopeView set(@RestPath UUID programmeId, @RestPath int fiscalYear,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull SetEnvelope command) {
        return programmes.setEnvelope(programmeId, fiscalYear, command, caller.name(), ifMatch);
    }

    @POST
    @Path("/{fiscalYear}/gate-override")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Open the gate of a fiscal year's tranches by a recorded ministry decision")
    public EnvelopeView overrideGate(@RestPath UUID programmeId, @RestPath int fiscalYear,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull OverrideGate command) {
        return programmes.overrideGate(programmeId, fiscalYear, command, caller.name(), ifMatch);
    }
}
