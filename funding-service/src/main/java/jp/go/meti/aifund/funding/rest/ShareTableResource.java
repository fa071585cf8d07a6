package jp.go.meti.aifund.funding.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.funding.service.Idempotency;
import jp.go.meti.aifund.funding.service.ShareTables;
import jp.go.meti.aifund.funding.service.ShareTables.DecideShareTable;
import jp.go.meti.aifund.funding.service.ShareTables.ProposeShareTable;
import jp.go.meti.aifund.funding.service.Views.MembershipView;
import jp.go.meti.aifund.funding.service.Views.PaidView;
import jp.go.meti.aifund.funding.service.Views.ShareTableView;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/**
 * The consortium over time: effective-dated share tables (four eyes) and the membership on a date.
 * Every write takes an {@code Idempotency-Key} header: a retry with the same key returns the first answer.
 */
@Path("/api/programmes/{programmeId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Share tables", description = "The members' shares from a date on, proposed by one official and confirmed by another")
@SecurityRequirement(name = "jwt")
public class ShareTableResource {

    private final ShareTables tables;
    private final Caller caller;

    public ShareTableResource(ShareTables tables, Caller caller) {
        this.tables = tables;
        this.caller = caller;
    }

    @GET
    @Path("/share-tables")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Every share table of a programme, oldest proposal first")
    public Page<ShareTableView> list(@RestPath UUID programmeId, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return Page.of(tables.ofProgramme(programmeId), page, size);
    }

    @GET
    @Path("/share-tables/{shareTableId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "One share table")
    public ShareTableView get(@RestPath UUID programmeId, @RestPath UUID shareTableId) {
        return tables.get(programmeId, shareTableId);
    }

    @GET
    @Path("/membership")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "The consortium on a date: the shares in force and each member's standing")
    public MembershipView membership(@RestPath UUID programmeId,
            @Parameter(description = "The date, e.g. 2027-04-01 (today in Japan when absent)") @RestQuery LocalDate asOf) {
        return tables.membership(programmeId, asOf);
    }

    @GET
    @Path("/membership/paid")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Money paid to each member by fiscal year: the consortium's split by the year's shares, plus its own")
    public List<PaidView> paid(@RestPath UUID programmeId) {
        return tables.paidByMember(programmeId);
    }

    @POST
    @Path("/share-tables")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Propose a share table from a date: members once each, summing to exactly 10000 (100.00 %)")
    @APIResponse(responseCode = "201", description = "Proposed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ShareTableView.class)))
    public Response propose(@RestPath UUID programmeId, @RestHeader(Idempotency.HEADER) String key,
            @Valid @NotNull ProposeShareTable command) {
        ShareTableView proposed = tables.propose(programmeId, command, caller.name(), key);
        return Response.created(URI.create("/api/programmes/" + programmeId + "/share-tables/" + proposed.id()))
                .entity(proposed).build();
    }

    @POST
    @Path("/share-tables/{shareTableId}/confirm")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Confirm a proposed share table (not by its proposer): in force from its date")
    public ShareTableView confirm(@RestPath UUID programmeId, @RestPath UUID shareTableId,
            @RestHeader(Idempotency.HEADER) String key, @RequestBody(required = false) @Valid DecideShareTable command) {
        return tables.confirm(programmeId, shareTableId, command == null ? new DecideShareTable(null) : command,
                caller.name(), key);
    }

    @POST
    @Path("/share-tables/{shareTableId}/reject")
    @RolesAllowed(Roles.METI_OFFICIAL)
    @Operation(summary = "Reject a proposed share table (not by its proposer), saying why in note")
    public ShareTableView reject(@RestPath UUID programmeId, @RestPath UUID shareTableId,
            @RestHeader(Idempotency.HEADER) String key, @Valid @NotNull DecideShareTable command) {
        return tables.reject(programmeId, shareTableId, command, caller.name(), key);
    }
}
