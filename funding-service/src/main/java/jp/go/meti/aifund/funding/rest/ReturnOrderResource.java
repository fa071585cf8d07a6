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

import jp.go.meti.aifund.funding.service.ReturnOrders;
import jp.go.meti.aifund.funding.service.ReturnOrders.Settle;
import jp.go.meti.aifund.funding.service.Views.ReturnOrderView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** Return orders on disbursed money, with statutory interest at 10.95 % a year. */
@Path("/api/programmes/{programmeId}/tranches/{trancheId}/return-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return orders", description = "Clawback with statutory interest (Subsidy Proper Execution Act, art. 19)")
@SecurityRequirement(name = "jwt")
public class ReturnOrderResource {

    private final ReturnOrders orders;
    private final Caller caller;

    public ReturnOrderResource(ReturnOrders orders, Caller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The tranche's return orders; an open one shows the interest owed if repaid today")
    public Page<ReturnOrderView> list(@RestPath UUID programmeId, @RestPath UUID trancheId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(orders.ofTranche(programmeId, trancheId, caller.actsOnlyFor()), page, size);
    }

    @GET
    @Path("/{orderId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "One return order; an open one shows the interest owed if repaid today")
    public ReturnOrderView get(@RestPath UUID programmeId, @RestPath UUID trancheId, @RestPath UUID orderId) {
        return orders.get(programmeId, trancheId, orderId, caller.actsOnlyFor());
    }

    @POST
    @Path("/{orderId}/settle")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Record the repayment: the amount goes to the treasury; interest and late interest are fixed")
    public ReturnOrderView settle(@RestPath UUID programmeId, @RestPath UUID trancheId, @RestPath UUID orderId,
            @RestHeader(ETags.IF_MATCH) String ifMatch, @Valid @NotNull Settle command) {
        return orders.settle(programmeId, trancheId, orderId, command, caller.name(), ifMatch);
    }
}
