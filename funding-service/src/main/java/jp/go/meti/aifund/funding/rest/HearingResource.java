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

import jp.go.meti.aifund.funding.service.Hearings;
import jp.go.meti.aifund.funding.service.Hearings.Respond;
import jp.go.meti.aifund.funding.service.Idempotency;
import jp.go.meti.aifund.funding.service.Views.HearingView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The notices of adverse proposals (弁明の機会) and the recipients' answers: a member of the recipient
 * given notice reads it and answers by its deadline; the officials read both before confirming.
 */
@Path("/api/programmes/{programmeId}/hearings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hearings", description = "Notice of an adverse proposal and the recipient's answer before the decision (弁明の機会)")
@SecurityRequirement(name = "jwt")
public class HearingResource {

    private final Hearings hearings;
    private final Caller caller;

    public HearingResource(Hearings hearings, Caller caller) {
        this.hearings = hearings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The programme's hearings, oldest notice first, or those of one proposal (subjectId: the "
            + "pullback recommendation or budget decision); a consortium member sees those given to its recipients")
    public Page<HearingView> list(@RestPath UUID programmeId, @RestQuery UUID subjectId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(hearings.ofProgramme(programmeId, subjectId, caller.actsOnlyFor()), page, size);
    }

    @GET
    @Path("/{hearingId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "A notice: the proposed decision, its grounds, the amount per member, the day to answer by, "
            + "and the answer")
    public HearingView get(@RestPath UUID programmeId, @RestPath UUID hearingId) {
        return hearings.get(programmeId, hearingId, caller.actsOnlyFor());
    }

    @POST
    @Path("/{hearingId}/response")
    @RolesAllowed(Roles.CONSORTIUM_MEMBER)
    @Operation(summary = "Answer a notice in writing, with evidence, by its answerBy day (a member of the recipient given "
            + "notice; once); the decision is confirmed only after the answer or that day")
    public HearingView respond(@RestPath UUID programmeId, @RestPath UUID hearingId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull Respond command) {
        return hearings.respond(programmeId, hearingId, command, caller.recipientsNamed(), caller.name(), key);
    }
}
