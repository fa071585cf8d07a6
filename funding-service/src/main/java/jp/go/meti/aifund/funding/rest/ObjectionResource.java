package jp.go.meti.aifund.funding.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.funding.service.Idempotency;
import jp.go.meti.aifund.funding.service.Objections;
import jp.go.meti.aifund.funding.service.Views.HearingView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Objections to a decision confirmed after its hearing (審査請求): a member of the recipient heard files
 * one within three months; an official who neither proposed nor confirmed the decision rules on it. The
 * objection is read with its hearing ({@code GET …/hearings/{hearingId}}).
 */
@Path("/api/programmes/{programmeId}/hearings/{hearingId}/objection")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hearings")
@SecurityRequirement(name = "jwt")
public class ObjectionResource {

    private final Objections objections;
    private final Caller caller;

    public ObjectionResource(Objections objections, Caller caller) {
        this.objections = objections;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.CONSORTIUM_MEMBER)
    @Operation(summary = "Object to the decision this hearing concluded, within three months of it (a member of the "
            + "recipient heard; once); returns the hearing with its objection")
    public HearingView file(@RestPath UUID programmeId, @RestPath UUID hearingId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull Objections.ObjectionFiling command) {
        return objections.file(programmeId, hearingId, command, caller.recipientsNamed(), caller.name(), key);
    }

    @POST
    @Path("/ruling")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Rule on the objection, UPHELD or DISMISSED with reasons (an official who neither proposed nor "
            + "confirmed the decision); upheld, what the decision took from the recipient's tranches is given back by "
            + "new ledger entries (TRANCHE_REINSTATED), where the envelope and the ceiling still allow it")
    public HearingView rule(@RestPath UUID programmeId, @RestPath UUID hearingId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull Objections.ObjectionRuling command) {
        return objections.rule(programmeId, hearingId, command, caller.name(), key);
    }
}
