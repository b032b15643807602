package uk.putitright.security;

/**
 * Published when a client address or an account reaches its failed-login limit (once per window), for the
 * audit log. {@code userId} is the account last tried, as the client typed it (it may not exist).
 */
public record LoginsThrottled(String clientAddress, String userId, Limit limit, int failures, long retryAfterSeconds) {

    /** Which limit was reached. */
    public enum Limit { ADDRESS, ACCOUNT }
}
