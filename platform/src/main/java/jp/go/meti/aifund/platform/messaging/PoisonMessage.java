package jp.go.meti.aifund.platform.messaging;

/**
 * A message that can never be applied (not JSON, not a valid event of a known type, wrong key):
 * it goes to the consumer's dead-letter topic with this reason, and the consumer moves on.
 */
public final class PoisonMessage extends RuntimeException {

    public PoisonMessage(String reason) {
        super(reason, null, false, false);
    }
}
