package uk.putitright.intake;

/** The client address has logged its allowance of complaints for now (429). */
public class TooManySubmissionsException extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManySubmissionsException(long retryAfterSeconds) {
        super("Too many complaints from this address; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
