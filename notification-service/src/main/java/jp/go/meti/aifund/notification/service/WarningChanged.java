package jp.go.meti.aifund.notification.service;

/** Fired in the transaction that changed a warning, with the live frame that tells of it; observers act after it commits. */
public record WarningChanged(LiveFrame.Change frame) {
}
