package jp.go.meti.aifund.notification.domain;

public enum Severity {
    INFO, WARNING, CRITICAL
}
