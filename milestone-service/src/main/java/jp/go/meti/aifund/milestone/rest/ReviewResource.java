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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.milestone.domain.ReviewState;
import jp.go.meti.aifund.milestone.service.ResultRecorder;
import jp.go.meti.aifund.milestone.service.ReviewCommands.Finalize;
import jp.go.meti.aifund.milestone.service.ReviewCommands.Reasoned;
import jp.go.meti.aifund.milestone.service.ReviewCommands.RecordResult;
import jp.go.meti.aifund.milestone.service.ReviewQueries;
import jp.go.meti.aifund.milestone.service.ReviewWorkflow;
import jp.go.meti.aifund.milestone.service.Views.OverdueReview;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.milestone.service.Views.ReviewView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;
import jp.go.meti.aifund.scoring.Outcome;

/**
 * The annual reviews: NEDO opens one for a fiscal year, records results with evidence and submits
 * it; METI returns or finalizes it (another person than the submitter); a finalized review is
 * corrected by an amendment.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "Annual milestone reviews: DRAFT → SUBMITTED → FINALIZED, and amendments")
@SecurityRequirement(name = "jwt")
public class ReviewResource {

    private final ReviewWorkflow workflow;
    private final ResultRecorder recorder;
    private final ReviewQueries queries;
    private final Caller caller;

    public ReviewResource(ReviewWorkflow workflow, ResultRecorder recorder, ReviewQueries queries, Caller caller) {
        this.workflow = workflow;
        this.recorder = recorder;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @Path("/programmes/{programmeId}/fiscal-years/{fiscalYear}/reviews")
    @RolesAllowed(Roles.NEDO_OFFICER)
    @Operation(summary = "Open the annual review of a fiscal year as a draft (a programme this service's copy knows, "
            + "within its fiscal years)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "404", description = ProgrammeCopyResource.NOT_KNOWN, headers = @Header(
            name = ProgrammeCopyResource.RETRY_AFTER, description = ProgrammeCopyResource.RETRY_AFTER_DESCRIPTION,
            schema = @Schema(type = SchemaType.INTEGER)))
    public Response open(@RestPath UUID programmeId, @RestPath @Min(2000) @Max(2100) int fiscalYear) {
        return created(workflow.open(programmeId, fiscalYear, caller.name()));
    }

    @GET
    @Path("/reviews")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "Reviews (without their results), filtered by programme, fiscal year, state or outcome")
    public Page<ReviewView> search(@RestQuery UUID programmeId, @RestQuery @Min(2000) @Max(2100) Integer fiscalYear,
            @RestQuery ReviewState state, @RestQuery Outcome outcome,
            @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page, @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return queries.search(programmeId, fiscalYear, state, outcome, page, size);
    }

    @GET
    @Path("/reviews/overdue")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.AUDITOR})
    @Operation(summary = "Fiscal years past their review's due date without a finalized review, optionally of one programme")
    public Page<OverdueReview> overdue(@RestQuery UUID programmeId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(queries.overdue(programmeId), page, size);
    }

    @GET
    @Path("/reviews/{reviewId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "A review revision with its results, evidence, assessments, score and outcome")
    public ReviewView get(@RestPath UUID reviewId) {
        return queries.get(reviewId);
    }

    @PUT
    @Path("/reviews/{reviewId}/results/{milestoneId}")
    @RolesAllowed(Roles.NEDO_OFFICER)
    @Operation(summary = "Record (or correct) the measured value of a milestone with its evidence; "
            + "the answer shows the computed assessment and achievement")
    public ResultView record(@RestPath UUID reviewId, @RestPath UUID milestoneId,
            @Valid @NotNull RecordResult command) {
        return recorder.record(reviewId, milestoneId, command, caller.name());
    }

    @DELETE
    @Path("/reviews/{reviewId}/results/{milestoneId}")
    @RolesAllowed(Roles.NEDO_OFFICER)
    @Operation(summary = "Remove a result from a draft review")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeResult(@RestPath UUID reviewId, @RestPath UUID milestoneId) {
        recorder.remove(reviewId, milestoneId, caller.name());
        return Response.noContent().build();
    }

    @POST
    @Path("/reviews/{reviewId}/submit")
    @RolesAllowed(Roles.NEDO_OFFICER)
    @Operation(summary = "Submit NEDO's technical evaluation: every milestone has a result and the weights add up to 100 %")
    public ReviewView submit(@RestPath UUID reviewId, @RestHeader(ETags.IF_MATCH) String ifMatch) {
        return workflow.submit(reviewId, caller.name(), ifMatch);
    }

    @POST
    @Path("/reviews/{reviewId}/return")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Return a submitted review to draft, with the reason")
    public ReviewView returnToDraft(@RestPath UUID reviewId, @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull Reasoned command) {
        return workflow.returnToDraft(reviewId, command.reason(), caller.name(), ifMatch);
    }

    @POST
    @Path("/reviews/{reviewId}/finalize")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Finalize METI's decision (not by the submitter); publishes the review event")
    public ReviewView finalizeReview(@RestPath UUID reviewId, @RestHeader(ETags.IF_MATCH) String ifMatch,
            @RequestBody(required = false) @Valid Finalize command) {
        return workflow.finalizeReview(reviewId, command == null ? null : command.note(), caller.name(), ifMatch);
    }

    @POST
    @Path("/reviews/{reviewId}/amendments")
    @RolesAllowed({Roles.NEDO_OFFICER, Roles.METI_OFFICIAL})
    @Operation(summary = "Start an amendment of a finalized review: a new draft revision with its results")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReviewView.class)))
    public Response amend(@RestPath UUID reviewId, @Valid @NotNull Reasoned command) {
        return created(workflow.amend(reviewId, command.reason(), caller.name()));
    }

    private static Response created(ReviewView review) {
        return Response.created(URI.create("/api/reviews/" + review.id())).entity(review).build();
    }
}
