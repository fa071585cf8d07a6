package jp.go.meti.aifund.platform.rest;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;

import jp.go.meti.aifund.kernel.Text;

/** The roles a bearer token carries in its {@code groups} claim. */
public final class Roles {

    /** Sets up programmes, envelopes and recipients; may plan and disburse, define milestones, record conflicts. */
    public static final String PROGRAMME_ADMIN = "programme-admin";
    /**
     * The commissioning ministry: approves tranches, holds, reduces, cancels, recovers, overrides
     * gates; returns and finalizes annual reviews (METI's decision).
     */
    public static final String METI_OFFICIAL = "meti-official";
    /**
     * The executing agency: plans (requests) and disburses tranches; defines milestones, records
     * review results and submits reviews (NEDO's technical evaluation).
     */
    public static final String NEDO_OFFICER = "nedo-officer";
    /**
     * A recipient: reads its programme (programme-level figures, milestones, reviews, warnings) and,
     * of the recipient-level records, only those of the recipients its token names and of their
     * consortium (see {@link Caller#actsOnlyFor()}); drafts the results of the milestones those
     * recipients are responsible for, which NEDO accepts or returns; changes nothing else.
     */
    public static final String CONSORTIUM_MEMBER = "consortium-member";
    /** Reads everything including the ledger, changes nothing. */
    public static final String AUDITOR = "auditor";
    /**
     * The independent verification agent: reads milestones and reviews and marks each result of a
     * submitted review verified or not, before METI may finalize it where the programme requires
     * verification; reads nothing of the money.
     */
    public static final String VERIFIER = "verifier";

    /** The roles that read every recipient's records. */
    public static final List<String> STAFF = List.of(PROGRAMME_ADMIN, METI_OFFICIAL, NEDO_OFFICER,
            AUDITOR);

    private Roles() {
    }

    /** "the role meti-official" or "one of the roles nedo-officer, programme-admin": what an operation's {@code @RolesAllowed} asks for. */
    public static Optional<Text> neededFor(Method method) {
        if (method == null) {
            return Optional.empty();
        }
        RolesAllowed allowed = Optional.ofNullable(method.getAnnotation(RolesAllowed.class))
                .orElse(method.getDeclaringClass().getAnnotation(RolesAllowed.class));
        if (allowed == null || allowed.value().length == 0) {
            return Optional.empty();
        }
        return Optional.of(allowed.value().length == 1 ? new Text("platform.detail.role", allowed.value()[0])
                : new Text("platform.detail.roles", String.join(", ", allowed.value())));
    }
}
