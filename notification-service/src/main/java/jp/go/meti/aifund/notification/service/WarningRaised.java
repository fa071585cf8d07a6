package jp.go.meti.aifund.notification.service;

import jp.go.meti.aifund.notification.service.Views.WarningView;

/** Fired in the transaction that stored a warning; observers act after it commits. */
public record WarningRaised(WarningView warning) {
}
