package jp.go.meti.aifund.notification.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import jp.go.meti.aifund.notification.service.Subscriptions;
import jp.go.meti.aifund.notification.service.Subscriptions.Subscribe;
import jp.go.meti.aifund.notification.service.Views.DeliveryView;
import jp.go.meti.aifund.notification.service.Views.SubscriptionView;
import jp.go.meti.aifund.platform.rest.Caller;
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
    public Response subscribe(@Valid @NotNull Subscribe command) {
        SubscriptionView created = subscriptions.subscribe(command, caller.name());
        return Response.created(URI.create("/api/webhook-subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    public List<SubscriptionView> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every delivery to the endpoint, with every attempt and its answer")
    public List<DeliveryView> deliveries(@RestPath UUID subscriptionId) {
        return subscriptions.deliveries(subscriptionId);
    }
}
