package jp.go.meti.aifund.milestone.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.milestone.service.ReviewCommands.SetReviewSettings;
import jp.go.meti.aifund.milestone.service.ReviewSettingsService;
import jp.go.meti.aifund.milestone.service.Views.ReviewSettingsView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Roles;

/** How a programme's reviews are decided: whether every result must be independently verified first. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
@SecurityRequirement(name = "jwt")
public class ReviewSettingsResource {

    private static final String SETTINGS = "/programmes/{programmeId}/review-settings";

    private final ReviewSettingsService settings;
    private final Caller caller;

    public ReviewSettingsResource(ReviewSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Path(SETTINGS)
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR,
            Roles.VERIFIER})
    @Operation(summary = "A programme's review settings (verification not required unless set)")
    public ReviewSettingsView get(@RestPath UUID programmeId) {
        return settings.get(programmeId);
    }

    @PUT
    @Path(SETTINGS)
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Set whether every result must be VERIFIED before METI may finalize a review of the programme "
            + "(it applies to every finalization from now on)")
    public ReviewSettingsView set(@RestPath UUID programmeId, @Valid @NotNull SetReviewSettings command) {
        return settings.set(programmeId, command.verificationRequired(), caller.name());
    }
}
