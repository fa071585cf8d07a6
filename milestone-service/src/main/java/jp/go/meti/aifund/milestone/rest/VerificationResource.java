package jp.go.meti.aifund.milestone.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.milestone.service.ReviewCommands.Verify;
import jp.go.meti.aifund.milestone.service.Verifications;
import jp.go.meti.aifund.milestone.service.Views.ResultView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Roles;

/** The independent verifier's verdict on each result of a submitted review. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Verification", description = "Results verified by the independent verification agent")
@SecurityRequirement(name = "jwt")
public class VerificationResource {

    private final Verifications verifications;
    private final Caller caller;

    public VerificationResource(Verifications verifications, Caller caller) {
        this.verifications = verifications;
        this.caller = caller;
    }

    @PUT
    @Path("/reviews/{reviewId}/results/{milestoneId}/verification")
    @RolesAllowed(Roles.VERIFIER)
    @Operation(summary = "Mark a result of a submitted review VERIFIED or NOT_VERIFIED, with the reason (not by whoever "
            + "recorded, reported or submitted it, nor by one related to its recipient); a later verdict replaces it")
    public ResultView verify(@RestPath UUID reviewId, @RestPath UUID milestoneId, @Valid @NotNull Verify command) {
        return verifications.verify(reviewId, milestoneId, command, caller.name());
    }
}
