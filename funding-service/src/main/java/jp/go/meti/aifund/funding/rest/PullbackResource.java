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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.funding.service.Pullbacks;
import jp.go.meti.aifund.funding.service.Pullbacks.Propose;
import jp.go.meti.aifund.funding.service.Views.PullbackView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** Pullback recommendations received, the tranches they hold, and the ministry decision (four eyes). */
@Path("/api/programmes/{programmeId}/pullbacks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pullbacks", description = "Holds from pullback recommendations and the ministry decisions that end them")
@SecurityRequirement(name = "jwt")
public class PullbackResource {

    private final Pullbacks pullbacks;
    private final Caller caller;

    public PullbackResource(Pullbacks pullbacks, Caller caller) {
        this.pullbacks = pullbacks;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    public Page<PullbackView> list(@RestPath UUID programmeId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(pullbacks.ofProgramme(programmeId), page, size);
    }

    @GET
    @Path("/{pullbackId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    public PullbackView get(@RestPath UUID programmeId, @RestPath UUID pullbackId) {
        return pullbacks.get(programmeId, pullbackId);
    }

    @POST
    @Path("/{pullbackId}/decision")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Propose the ministry decision: LIFT, REDUCE_BY_RECOMMENDATION, REDUCE_BY_AMOUNT (with amount) "
            + "or CANCEL, with the reason; another official confirms it")
    public PullbackView propose(@RestPath UUID programmeId, @RestPath UUID pullbackId,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull Propose command) {
        return pullbacks.propose(programmeId, pullbackId, command, caller.name(), ifMatch);
    }

    @POST
    @Path("/{pullbackId}/decision/confirm")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Confirm the proposed decision (not by its proposer): the held tranches change, each a ledger entry")
    public PullbackView confirm(@RestPath UUID programmeId, @RestPath UUID pullbackId,
            @RestHeader(ETags.IF_MATCH) String ifMatch) {
        return pullbacks.confirm(programmeId, pullbackId, caller.name(), ifMatch);
    }
}
