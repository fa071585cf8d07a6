package jp.go.meti.aifund.notification.domain;

/** A webhook delivery is pending until the endpoint answers 2xx, or its subscription is deleted first. */
public enum DeliveryState {
    PENDING, DELIVERED, CANCELLED
}
