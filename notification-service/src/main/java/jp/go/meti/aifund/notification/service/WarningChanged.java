package jp.go.meti.aifund.notification.service;

import java.util.UUID;

import jp.go.meti.aifund.notification.service.Views.WarningChangeView;

/** Fired in the transaction that changed a warning; observers act after it commits. */
public record WarningChanged(WarningChangeView change, UUID programmeId, UUID addressedTo) {
}
