package uk.putitright.intake;

/** The {@code Idempotency-Key} was already used with a different request body (422). */
public class IdempotencyKeyConflictException extends RuntimeException {
    public IdempotencyKeyConflictException() {
        super("was already used for a different complaint; send a new key for a new complaint");
    }
}
