package jp.go.meti.aifund.platform.rest;

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
    /** A recipient: reads its programme, read-only. */
    public static final String CONSORTIUM_MEMBER = "consortium-member";
    /** Reads everything including the ledger, changes nothing. */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
