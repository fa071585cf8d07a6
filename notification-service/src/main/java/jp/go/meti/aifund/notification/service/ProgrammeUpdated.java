package jp.go.meti.aifund.notification.service;

import java.util.UUID;

/** Fired in the transaction that changed what this service knows of a programme; streamed once it commits. */
public record ProgrammeUpdated(UUID programmeId) {
}
