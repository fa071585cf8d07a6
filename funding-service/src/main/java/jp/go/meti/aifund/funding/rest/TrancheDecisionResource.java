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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.funding.service.Idempotency;
import jp.go.meti.aifund.funding.service.TrancheDecisions;
import jp.go.meti.aifund.funding.service.TrancheDecisions.DecideTrancheDecision;
import jp.go.meti.aifund.funding.service.TrancheDecisions.ProposeTrancheDecision;
import jp.go.meti.aifund.funding.service.Views.TrancheDecisionView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Adverse decisions on one tranche, each heard before it is made: reducing or cancelling an approved
 * tranche, ordering paid money back. One METI official proposes (the recipient is given notice, see
 * the hearings), another confirms once the recipient answered or its day passed, or rejects. Every
 * write takes an {@code Idempotency-Key} header.
 */
@Path("/api/programmes/{programmeId}/tranches/{trancheId}/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tranche decisions", description = "Reduce or cancel an approved tranche, order paid money back: "
        + "proposed, the recipient heard, confirmed by another official")
@SecurityRequirement(name = "jwt")
public class TrancheDecisionResource {

    private final TrancheDecisions decisions;
    private final Caller caller;

    public TrancheDecisionResource(TrancheDecisions decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The tranche's decisions, oldest proposal first")
    public Page<TrancheDecisionView> list(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(decisions.ofTranche(programmeId, trancheId, caller.actsOnlyFor()), page, size);
    }

    @GET
    @Path("/{decisionId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "One decision on the tranche")
    public TrancheDecisionView get(@RestPath UUID programmeId, @RestPath UUID trancheId, @RestPath UUID decisionId) {
        return decisions.get(programmeId, trancheId, decisionId, caller.actsOnlyFor());
    }

    @POST
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Propose REDUCE (newAmount), CANCEL or ORDER_RETURN (returnAmount, returnDeadline) with the "
            + "grounds: the recipient is given notice and until answerBy to answer (see the hearings)")
    @APIResponse(responseCode = "201", description = "Proposed; notice given", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TrancheDecisionView.class)))
    public Response propose(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull ProposeTrancheDecision command) {
        TrancheDecisionView proposed = decisions.propose(programmeId, trancheId, command, caller.name(), key);
        return Response.created(URI.create("/api/programmes/" + programmeId + "/tranches/" + trancheId + "/decisions/"
                + proposed.id())).entity(proposed).build();
    }

    @POST
    @Path("/{decisionId}/confirm")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Confirm a proposed decision (not by its proposer) once the recipient answered or its day "
            + "passed: the tranche changes (a ledger entry), or the return order is issued")
    public TrancheDecisionView confirm(@RestPath UUID programmeId, @RestPath UUID trancheId, @RestPath UUID decisionId,
            @RestHeader(Idempotency.HEADER) String key,
            @RequestBody(required = false) @Valid DecideTrancheDecision command) {
        return decisions.confirm(programmeId, trancheId, decisionId,
                command == null ? new DecideTrancheDecision(null) : command, caller.name(), key);
    }

    @POST
    @Path("/{decisionId}/reject")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Reject a proposed decision (not by its proposer), saying why in note: its notice is withdrawn")
    public TrancheDecisionView reject(@RestPath UUID programmeId, @RestPath UUID trancheId, @RestPath UUID decisionId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull DecideTrancheDecision command) {
        return decisions.reject(programmeId, trancheId, decisionId, command, caller.name(), key);
    }
}
