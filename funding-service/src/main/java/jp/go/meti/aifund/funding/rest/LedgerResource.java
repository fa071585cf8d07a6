package jp.go.meti.aifund.funding.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.funding.service.LedgerService;
import jp.go.meti.aifund.funding.service.Views.LedgerEntryView;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/programmes/{programmeId}/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger", description = "Every change of money: who, when, why, and the amounts before and after")
@SecurityRequirement(name = "jwt")
public class LedgerResource {

    private final LedgerService ledger;

    public LedgerResource(LedgerService ledger) {
        this.ledger = ledger;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL})
    @Operation(summary = "The append-only ledger of a programme, oldest first, optionally for one tranche")
    public Page<LedgerEntryView> list(@RestPath UUID programmeId, @RestQuery UUID trancheId,
            @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page, @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return ledger.entries(programmeId, trancheId, page, size);
    }

    @GET
    @Path("/verification")
    @RolesAllowed({Roles.AUDITOR, Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL})
    @Operation(summary = "Recompute the ledger's hash chain: intact, or the first entry edited, removed or reordered")
    public LedgerService.Verification verify(@RestPath UUID programmeId) {
        return ledger.verify(programmeId);
    }
}
