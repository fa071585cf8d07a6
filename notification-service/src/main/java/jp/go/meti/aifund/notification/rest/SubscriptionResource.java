package jp.go.meti.aifund.notification.rest;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.identity.SecurityIdentity;
import jp.go.meti.aifund.notification.service.Subscriptions;
import jp.go.meti.aifund.notification.service.Subscriptions.Asking;
import jp.go.meti.aifund.notification.service.Subscriptions.Change;
import jp.go.meti.aifund.notification.service.Subscriptions.Subscribe;
import jp.go.meti.aifund.notification.service.Views.DeliveryView;
import jp.go.meti.aifund.notification.service.Views.SubscriptionView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * Webhook subscriptions: signed deliveries of every change of a warning, retried until received,
 * every attempt on record. Each is its owner's: listed, disabled, re-enabled, deleted and its
 * secret rotated by the programme administrator who created it; an auditor reads them all.
 */
@Path("/api/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Standard Webhooks deliveries of warnings and their life cycle")
@SecurityRequirement(name = "jwt")
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final ETags etags;

    public SubscriptionResource(Subscriptions subscriptions, Caller caller, SecurityIdentity identity, ETags etags) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.identity = identity;
        this.etags = etags;
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Subscribe an endpoint; the answer carries its signing secret (whsec_…), shown once",
            description = "The URL must be https and must not lead into the service's own network (loopback, "
                    + "link-local, private or metadata addresses); it is checked again before every delivery.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionView.class)))
    public Response subscribe(@Valid @NotNull Subscribe command) {
        SubscriptionView created = subscriptions.subscribe(command, caller.name());
        return withSecret(Response.created(URI.create("/api/webhook-subscriptions/" + created.id())), created);
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The caller's own subscriptions (an auditor's: all), oldest first")
    public Page<SubscriptionView> list(@RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(subscriptions.list(asking()), page, size);
    }

    @GET
    @Path("/{subscriptionId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    public SubscriptionView get(@RestPath UUID subscriptionId) {
        return subscriptions.get(subscriptionId, asking());
    }

    @PATCH
    @Path("/{subscriptionId}")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Disable (deliveries wait, none is lost) or re-enable one's own subscription")
    public SubscriptionView change(@RestPath UUID subscriptionId, @RestHeader(ETags.IF_MATCH) String ifMatch,
            @Valid @NotNull Change change) {
        return subscriptions.change(subscriptionId, change, caller.name(), ifMatch);
    }

    @DELETE
    @Path("/{subscriptionId}")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "Delete one's own subscription: what is still pending is cancelled; its record stays for auditors")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@RestPath UUID subscriptionId, @RestHeader(ETags.IF_MATCH) String ifMatch) {
        subscriptions.delete(subscriptionId, caller.name(), ifMatch);
    }

    @POST
    @Path("/{subscriptionId}/secret-rotation")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Operation(summary = "A new signing secret, shown once; the previous one keeps signing beside it for 24 h")
    @APIResponse(responseCode = "200", description = "Rotated", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionView.class)))
    public Response rotateSecret(@RestPath UUID subscriptionId, @RestHeader(ETags.IF_MATCH) String ifMatch) {
        return withSecret(Response.ok(), subscriptions.rotateSecret(subscriptionId, caller.name(), ifMatch));
    }

    @GET
    @Path("/{subscriptionId}/deliveries")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Every delivery to the endpoint, with every attempt and its answer")
    public Page<DeliveryView> deliveries(@RestPath UUID subscriptionId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(subscriptions.deliveries(subscriptionId, asking()), page, size);
    }

    /** An answer showing the secret, once; its ETag is the version later reads show, without it. */
    private Response withSecret(Response.ResponseBuilder answer, SubscriptionView view) {
        return answer.entity(view).header(HttpHeaders.ETAG, etags.of(view.withoutSecret())).build();
    }

    private Asking asking() {
        return new Asking(caller.name(), identity.hasRole(Roles.AUDITOR));
    }
}
