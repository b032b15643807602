package uk.putitright.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed logins ({@code putitright.security.logins.*}), in place of Camunda's lock, which locked an
 * account for good after ten wrong passwords from anyone.
 *
 * @param maxFailuresPerAddress failed logins one client address may make per {@code window}; then 429
 * @param maxFailuresPerAccount failed logins for one user id, from any address, per {@code window}; then that
 *        account's logins answer 429 until the window has passed (a lock that expires)
 * @param window the sliding window of both limits
 */
@ConfigurationProperties("putitright.security.logins")
public record LoginLimits(
        @DefaultValue("10") int maxFailuresPerAddress,
        @DefaultValue("50") int maxFailuresPerAccount,
        @DefaultValue("15m") Duration window) {
}
