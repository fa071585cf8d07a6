package jp.go.meti.aifund.notification.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.notification.service.Subscriptions;
import jp.go.meti.aifund.notification.service.Subscriptions.Subscribe;
import jp.go.meti.aifund.notification.service.Views.DeliveryView;
import jp.go.meti.aifund.notification.service.Views.SubscriptionView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** Webhook subscriptions: signed deliveries of warnings, retried until received, every attempt on record. */
@Path("/api/webhook-subscriptions")
@Tag(name = "Webhooks", description = "Standard Webhooks deliveries of warnings")
@SecurityRequirement(name = "jwt")
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final Caller caller;

    public SubscriptionResource(Subscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Subscribe an endpoint; the answer carries its signing secret (whsec_…), shown once")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionView.class)))
    public Response subscribe(@Valid @NotNull Subscribe command) {
        SubscriptionView created = subscriptions.subscribe(command, caller.name());
        return Response.created(URI.create("/api/webhook-subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    public Page<SubscriptionView> list(@RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(subscriptions.list(), page, size);
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every delivery to the endpoint, with every attempt and its answer")
    public Page<DeliveryView> deliveries(@RestPath UUID subscriptionId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(subscriptions.deliveries(subscriptionId), page, size);
    }
}
