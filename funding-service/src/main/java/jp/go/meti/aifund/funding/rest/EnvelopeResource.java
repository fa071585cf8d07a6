package jp.go.meti.aifund.funding.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.funding.service.ProgrammeCommands.OverrideGate;
import jp.go.meti.aifund.funding.service.ProgrammeCommands.SetEnvelope;
import jp.go.meti.aifund.funding.service.ProgrammeService;
import jp.go.meti.aifund.funding.service.Views.EnvelopeView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/programmes/{programmeId}/envelopes")
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
    public List<EnvelopeView> list(@RestPath UUID programmeId) {
        return programmes.envelopes(programmeId);
    }

    @PUT
    @Path("/{fiscalYear}")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Set the planned amount of a fiscal year; all envelopes together stay within the ceiling")
    public EnvelopeView set(@RestPath UUID programmeId, @RestPath int fiscalYear, @Valid @NotNull SetEnvelope command) {
        return programmes.setEnvelope(programmeId, fiscalYear, command, caller.name());
    }

    @POST
    @Path("/{fiscalYear}/gate-override")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Open the gate of a fiscal year's tranches by a recorded ministry decision")
    public EnvelopeView overrideGate(@RestPath UUID programmeId, @RestPath int fiscalYear,
            @Valid @NotNull OverrideGate command) {
        return programmes.overrideGate(programmeId, fiscalYear, command, caller.name());
    }
}
