package uk.putitright.intake;

/** An earlier request with the same {@code Idempotency-Key} is still being processed (409, retry later). */
public class IdempotencyKeyBusyException extends RuntimeException {
    public IdempotencyKeyBusyException() {
        super("an earlier request with this key is still being processed; retry shortly");
    }
}
