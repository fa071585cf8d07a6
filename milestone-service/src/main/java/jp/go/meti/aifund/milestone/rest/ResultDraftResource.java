package jp.go.meti.aifund.milestone.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.milestone.service.ResultDrafts;
import jp.go.meti.aifund.milestone.service.ResultRecorder;
import jp.go.meti.aifund.milestone.service.ReviewCommands.Reasoned;
import jp.go.meti.aifund.milestone.service.ReviewCommands.RecordResult;
import jp.go.meti.aifund.milestone.service.Views.DraftView;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Results reported by the recipients: a consortium member drafts the result of a milestone its
 * recipient is responsible for; NEDO accepts the draft (it becomes the review's result) or returns
 * it with a reason. A review is not submitted while a draft awaits NEDO. (Under {@code /api}, as every
 * resource is, so that no class path shadows another's.)
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Result drafts", description = "Results reported by the recipients, accepted or returned by NEDO")
@SecurityRequirement(name = "jwt")
public class ResultDraftResource {

    private static final String DRAFTS = "/reviews/{reviewId}/result-drafts";

    private final ResultDrafts drafts;
    private final ResultRecorder recorder;
    private final Caller caller;

    public ResultDraftResource(ResultDrafts drafts, ResultRecorder recorder, Caller caller) {
        this.drafts = drafts;
        this.recorder = recorder;
        this.caller = caller;
    }

    @GET
    @Path(DRAFTS)
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "The recipients' drafts of a review's results (a consortium member sees its recipients' only)")
    public List<DraftView> list(@RestPath UUID reviewId) {
        return drafts.ofReview(reviewId, caller.actsOnlyFor());
    }

    @PUT
    @Path(DRAFTS + "/{milestoneId}")
    @RolesAllowed(Roles.CONSORTIUM_MEMBER)
    @Operation(summary = "Draft (or draft again) the result of a milestone the recipients of your token are responsible "
            + "for (the consortium, for a consortium-wide one), in a draft review; it awaits NEDO")
    public DraftView draft(@RestPath UUID reviewId, @RestPath UUID milestoneId, @Valid @NotNull RecordResult command) {
        return drafts.draft(reviewId, milestoneId, command, caller.recipientsNamed(), caller.name());
    }

    @POST
    @Path(DRAFTS + "/{milestoneId}/accept")
    @RolesAllowed(Roles.NEDO_OFFICER)
    @Operation(summary = "Accept a pending draft: it becomes the milestone's result (reportedBy: the member), assessed "
            + "as NEDO's own would be")
    public ResultView accept(@RestPath UUID reviewId, @RestPath UUID milestoneId) {
        return recorder.acceptDraft(reviewId, milestoneId, caller.name());
    }

    @POST
    @Path(DRAFTS + "/{milestoneId}/return")
    @RolesAllowed(Roles.NEDO_OFFICER)
    @Operation(summary = "Return a pending draft to the recipient, saying why; it may draft it again")
    public DraftView returnDraft(@RestPath UUID reviewId, @RestPath UUID milestoneId,
            @Valid @NotNull Reasoned command) {
        return drafts.returnDraft(reviewId, milestoneId, command.reason(), caller.name());
    }
}
