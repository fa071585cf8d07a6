package jp.go.meti.aifund.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.go.meti.aifund.notification.service.WhatIf;
import jp.go.meti.aifund.notification.service.WhatIf.Answer;
import jp.go.meti.aifund.notification.service.WhatIf.Question;
import jp.go.meti.aifund.platform.rest.Languages;
import jp.go.meti.aifund.platform.rest.Roles;

@Path("/api/what-if")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "What-if", description = "The warnings and reductions a review would produce, stored nowhere")
@SecurityRequirement(name = "jwt")
public class WhatIfResource {

    private final WhatIf whatIf;

    public WhatIfResource(WhatIf whatIf) {
        this.whatIf = whatIf;
    }

    @POST
    @RolesAllowed({Roles.METI_OFFICIAL, Roles.NEDO_OFFICER, Roles.PROGRAMME_ADMIN})
    @Operation(summary = "Preview a submitted review (by id) or a draft's results under the current policy")
    public Answer preview(@Valid @NotNull Question question,
            @Context HttpHeaders headers) {
        return whatIf.answer(question, Languages.of(headers));
    }
}
