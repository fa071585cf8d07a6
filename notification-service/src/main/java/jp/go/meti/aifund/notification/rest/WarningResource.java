package jp.go.meti.aifund.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

import jp.go.meti.aifund.platform.rest.Languages;
import jp.go.meti.aifund.notification.domain.Severity;
import jp.go.meti.aifund.notification.domain.WarningKind;
import jp.go.meti.aifund.notification.domain.WarningState;
import jp.go.meti.aifund.notification.service.Views.WarningView;
import jp.go.meti.aifund.notification.service.Visibility;
import jp.go.meti.aifund.notification.service.Warnings;
import jp.go.meti.aifund.platform.rest.Caller;
import jp.go.meti.aifund.platform.rest.ETags;
import jp.go.meti.aifund.platform.rest.Page;
import jp.go.meti.aifund.platform.rest.Roles;

/** Warnings: listed and filtered, streamed live, acknowledged and resolved with who and why. */
@Path("/api/warnings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Warnings", description = "Pullback recommendations, watch, termination review, deadlines, ceiling")
@SecurityRequirement(name = "jwt")
public class WarningResource {

    /** An optional note on a step of a warning's life. */
    public record Note(@Size(max = 2000) String note) {
    }

    private final Warnings warnings;
    private final LiveStream stream;
    private final Caller caller;
    private final Visibility visibility;

    public WarningResource(Warnings warnings, LiveStream stream, Caller caller, Visibility visibility) {
        this.visibility = visibility;
        this.warnings = warnings;
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Warnings, newest first, filtered by programme, fiscal year, kind, severity or state")
    public Page<WarningView> search(@RestQuery UUID programmeId, @RestQuery @Min(2000) @Max(2100) Integer fiscalYear,
            @RestQuery WarningKind kind, @RestQuery Severity severity, @RestQuery WarningState state,
            @RestQuery @DefaultValue(Page.FIRST) @Min(0) int page, @RestQuery @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size,
            @Context HttpHeaders headers) {
        return warnings.search(programmeId, fiscalYear, kind, severity, state, page, size, visibility,
                Languages.of(headers));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    @Operation(summary = "Warnings as they change, and programme updates, as server-sent events",
            description = LiveStream.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "A text/event-stream that lasts until the client leaves",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "Server-sent event frames; each warning frame's data is a WarningView",
                    example = "retry: 3000\n: connected\n\nid: 42\nevent: warning.raised\ndata: {\"id\": \"…\"}\n\n")))
    public Multi<OutboundSseEvent> stream(@RestQuery UUID programmeId,
            @RestHeader(LiveStream.LAST_EVENT_ID) @Parameter(description = "The id of the last event received: "
                    + "the changes after it are sent first") String lastEventId,
            @Context HttpHeaders headers, @Context Sse sse) {
        return stream.open(programmeId, lastEventId, visibility.programmes(), visibility.recipients(),
                Languages.of(headers), sse);
    }

    @GET
    @Path("/{warningId}")
    @RolesAllowed({Roles.PROGRAMME_ADMIN, Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.CONSORTIUM_MEMBER, Roles.AUDITOR})
    public WarningView get(@RestPath UUID warningId,
            @Context HttpHeaders headers) {
        return warnings.get(warningId, visibility, Languages.of(headers));
    }

    @POST
    @Path("/{warningId}/acknowledge")
    @RolesAllowed({Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    public WarningView acknowledge(@RestPath UUID warningId, @RestHeader(ETags.IF_MATCH) String ifMatch,
            @RequestBody(required = false) @Valid Note note,
            @Context HttpHeaders headers) {
        return warnings.acknowledge(warningId, note == null ? null : note.note(), caller.name(), ifMatch,
                Languages.of(headers));
    }

    @POST
    @Path("/{warningId}/resolve")
    @RolesAllowed({Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    public WarningView resolve(@RestPath UUID warningId, @RestHeader(ETags.IF_MATCH) String ifMatch,
            @RequestBody(required = false) @Valid Note note,
            @Context HttpHeaders headers) {
        return warnings.resolve(warningId, note == null ? null : note.note(), caller.name(), ifMatch,
                Languages.of(headers));
    }
}
