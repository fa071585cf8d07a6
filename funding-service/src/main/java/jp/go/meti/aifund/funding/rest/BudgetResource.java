package jp.go.meti.aifund.funding.rest;

import java.net.URI;
import java.util.List;
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

import jp.go.meti.aifund.funding.service.BudgetDecisions;
import jp.go.meti.aifund.funding.service.BudgetDecisions.DecideBudgetDecision;
import jp.go.meti.aifund.funding.service.BudgetDecisions.ProposeBudgetDecision;
import jp.go.meti.aifund.funding.service.Idempotency;
import jp.go.meti.aifund.funding.service.Views.BudgetDecisionView;
import jp.go.meti.aifund.funding.service.Views.FiscalYearReport;
import jp.go.meti.aifund.funding.service.Views.YearEndCloseView;
import jp.go.meti.aifund.funding.service.YearEndCloses;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Budget years: the year-end close of a fiscal year, the year-end report, and the ministry's budget
 * decisions (carry-over, ceiling amendment), each proposed by one METI official and confirmed or
 * rejected by another. Every decision write takes an {@code Idempotency-Key} header.
 */
@Path("/api/programmes/{programmeId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Budget years", description = "Year-end close, carry-over (繰越), ceiling amendments, the year-end report")
@SecurityRequirement(name = "jwt")
public class BudgetResource {

    private final BudgetDecisions decisions;
    private final YearEndCloses closes;
    private final Caller caller;

    public BudgetResource(BudgetDecisions decisions, YearEndCloses closes, Caller caller) {
        this.decisions = decisions;
        this.closes = closes;
        this.caller = caller;
    }

    @GET
    @Path("/year-end-report")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Per fiscal year: planned, carried in and out, committed, paid, recovered, lapsed and unspent, adding up exactly")
    public List<FiscalYearReport> report(@RestPath UUID programmeId) {
        return closes.report(programmeId);
    }

    @GET
    @Path("/envelopes/{fiscalYear}/close")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "A year's close: what it did, or what it would do now and what stops it")
    public YearEndCloseView preview(@RestPath UUID programmeId, @RestPath int fiscalYear) {
        return closes.preview(programmeId, fiscalYear);
    }

    @POST
    @Path("/envelopes/{fiscalYear}/close")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Close a fiscal year after its 31 March (idempotent): cancel its unapproved tranches, lapse what is "
            + "neither committed nor carried over; 409 while an approved tranche is unpaid or a carry-over awaits its decision")
    public YearEndCloseView close(@RestPath UUID programmeId, @RestPath int fiscalYear) {
        return closes.close(programmeId, fiscalYear, caller.name());
    }

    @GET
    @Path("/budget-decisions")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Every budget decision of a programme, oldest proposal first")
    public Page<BudgetDecisionView> list(@RestPath UUID programmeId,
            @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(decisions.ofProgramme(programmeId), page, size);
    }

    @GET
    @Path("/budget-decisions/{decisionId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "One budget decision")
    public BudgetDecisionView get(@RestPath UUID programmeId, @RestPath UUID decisionId) {
        return decisions.get(programmeId, decisionId);
    }

    @POST
    @Path("/budget-decisions")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Propose a carry-over of a year's money to the next, or a ceiling amendment, with its reason")
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BudgetDecisionView.class)))
    public Response propose(@RestPath UUID programmeId, @RestHeader(Idempotency.HEADER) String key,
            @Valid @NotNull ProposeBudgetDecision command) {
        BudgetDecisionView proposed = decisions.propose(programmeId, command, caller.name(), key);
        return Response.created(URI.create("/api/programmes/" + programmeId + "/budget-decisions/" + proposed.id()))
                .entity(proposed).build();
    }

    @POST
    @Path("/budget-decisions/{decisionId}/confirm")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Confirm a proposed budget decision (not by its proposer): the money moves")
    public BudgetDecisionView confirm(@RestPath UUID programmeId, @RestPath UUID decisionId,
            @RestHeader(Idempotency.HEADER) String key, @RequestBody(required = false) @Valid DecideBudgetDecision command) {
        return decisions.confirm(programmeId, decisionId, command == null ? new DecideBudgetDecision(null) : command,
                caller.name(), key);
    }

    @POST
    @Path("/budget-decisions/{decisionId}/reject")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Reject a proposed budget decision (not by its proposer), saying why in note")
    public BudgetDecisionView reject(@RestPath UUID programmeId, @RestPath UUID decisionId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull DecideBudgetDecision command) {
        return decisions.reject(programmeId, decisionId, command, caller.name(), key);
    }
}
