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

import jp.go.meti.aifund.funding.domain.TrancheState;
import jp.go.meti.aifund.funding.service.Idempotency;
import jp.go.meti.aifund.funding.service.TrancheCommands.Decision;
import jp.go.meti.aifund.funding.service.TrancheCommands.Disburse;
import jp.go.meti.aifund.funding.service.TrancheCommands.PlanTranche;
import jp.go.meti.aifund.funding.service.TrancheCommands.ReasonedDecision;
import jp.go.meti.aifund.funding.service.TrancheCommands.Recover;
import jp.go.meti.aifund.funding.service.TrancheCommands.Reduce;
import jp.go.meti.aifund.funding.service.TrancheQueries;
import jp.go.meti.aifund.funding.service.TrancheService;
import jp.go.meti.aifund.funding.service.Views.TrancheView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Tranches and their life cycle. Every POST moves or guards money and needs an
 * {@code Idempotency-Key} header: a retry with the same key returns the first answer.
 */
@Path("/api/programmes/{programmeId}/tranches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tranches", description = "Plan, approve, disburse, hold, release, reduce, cancel and recover tranches")
@SecurityRequirement(name = "jwt")
public class TrancheResource {

    private final TrancheService tranches;
    private final TrancheQueries queries;
    private final Caller caller;

    public TrancheResource(TrancheService tranches, TrancheQueries queries, Caller caller) {
        this.tranches = tranches;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Tranches of a programme, filtered by fiscal year, state or recipient (a consortium member: "
            + "its own and its consortium's)")
    public Page<TrancheView> list(@RestPath UUID programmeId, @RestQuery @Min(2000) @Max(2100) Integer fiscalYear,
            @RestQuery TrancheState state, @RestQuery UUID recipientId,
            @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page, @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return queries.search(programmeId, fiscalYear, state, recipientId, caller.actsOnlyFor(), page, size);
    }

    @GET
    @Path("/{trancheId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    public TrancheView get(@RestPath UUID programmeId, @RestPath UUID trancheId) {
        return queries.get(programmeId, trancheId, caller.actsOnlyFor());
    }

    @POST
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Plan (request) a tranche of a fiscal year for a recipient; reserves nothing yet")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TrancheView.class)))
    public Response plan(@RestPath UUID programmeId, @RestHeader(Idempotency.HEADER) String key,
            @Valid @NotNull PlanTranche command) {
        TrancheView planned = tranches.plan(programmeId, command, caller.name(), key);
        return Response.created(URI.create("/api/programmes/" + programmeId + "/tranches/" + planned.id()))
                .entity(planned).build();
    }

    @POST
    @Path("/{trancheId}/approve")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Approve: commits the amount against the envelope and the ceiling (four eyes)")
    public TrancheView approve(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @RequestBody(required = false) @Valid Decision command) {
        return tranches.approve(programmeId, trancheId, orEmpty(command), caller.name(), key, ifMatch);
    }

    @POST
    @Path("/{trancheId}/disburse")
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Disburse an approved tranche (not by its approver), paid today or on the day stated")
    public TrancheView disburse(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @RequestBody(required = false) @Valid Disburse command) {
        return tranches.disburse(programmeId, trancheId, command == null ? new Disburse(null, null) : command,
                caller.name(), key, ifMatch);
    }

    @POST
    @Path("/{trancheId}/hold")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Put a tranche on hold: no approval or disbursement until a decision ends it")
    public TrancheView hold(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull ReasonedDecision command) {
        return tranches.hold(programmeId, trancheId, command, caller.name(), key, ifMatch);
    }

    @POST
    @Path("/{trancheId}/release")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Lift a hold: the tranche returns to the state it was held in")
    public TrancheView release(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull ReasonedDecision command) {
        return tranches.release(programmeId, trancheId, command, caller.name(), key, ifMatch);
    }

    @POST
    @Path("/{trancheId}/reduce")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Lower the amount; committed money above it returns to the headroom")
    public TrancheView reduce(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull Reduce command) {
        return tranches.reduce(programmeId, trancheId, command, caller.name(), key, ifMatch);
    }

    @POST
    @Path("/{trancheId}/cancel")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Cancel a tranche that is not yet disbursed; committed money returns to the headroom")
    public TrancheView cancel(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull ReasonedDecision command) {
        return tranches.cancel(programmeId, trancheId, command, caller.name(), key, ifMatch);
    }

    @POST
    @Path("/{trancheId}/recover")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Record disbursed money returned (clawback), fully or partly; it goes to the treasury, not back to the headroom")
    public TrancheView recover(@RestPath UUID programmeId, @RestPath UUID trancheId,
            @RestHeader(Idempotency.HEADER) String key,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull Recover command) {
        return tranches.recover(programmeId, trancheId, command, caller.name(), key, ifMatch);
    }

    private static Decision orEmpty(Decision command) {
        return command == null ? new Decision(null) : command;
    }
}
