package jp.go.meti.aifund.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import jp.go.meti.aifund.platform.audit.AuditTrail.EntryView;
import jp.go.meti.aifund.platform.audit.AuditTrail.Verification;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** Every service's audit trail, for auditors: who decided what, when, on what and why. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The tamper-evident trail of decisions, and its verification")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.AUDITOR)
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @Operation(summary = "Decisions in the order they were made, filtered by actor, action or subject (an id)")
    public Page<EntryView> list(@RestQuery @Size(max = 200) String actor, @RestQuery @Size(max = 100) String action,
            @RestQuery @Size(max = 100) String subject, @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page,
            @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return trail.search(actor, action, subject, page, size);
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recomputes the whole hash chain; names the first entry edited, removed or reordered")
    public Verification verify() {
        return trail.verify();
    }
}
