package uk.putitright.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Brute-force protection that hands nobody a denial of service: every login (HTTP Basic on any path, so our
 * API, the engine REST API and actuator; and the webapps' form login) is refused while its client address is
 * at its limit of failures, and first takes one attempt from the account's allowance, which a login that
 * succeeds gives back; a failure counts against the address once known. So only failures count
 * ({@link LoginLimits}: 10 per address and 50 per account in 15 minutes). Past either, the client gets 429 with
 * {@code Retry-After}, without the password being checked, until the window has slid on: a wrong-password
 * script is slowed to a crawl, while the member of staff logs in from their own address as usual. Reaching a
 * limit is published as {@link LoginsThrottled} (the audit log records it) and logged.
 *
 * <p>Camunda's own lock (permanent after ten failures) is switched off in application.yaml
 * ({@code loginMaxAttempts}, {@code loginDelayBase}), since anyone could lock any account with it.
 * The address is {@code getRemoteAddr()}, which honours {@code X-Forwarded-For} only from trusted proxies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class FailedLoginLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginLimit.class);
    private static final String FORM_LOGIN = "/camunda/api/admin/auth/user/";

    private final SlidingWindowLimit byAddress;
    private final SlidingWindowLimit byAccount;
    private final LoginLimits limits;
    private final ApplicationEventPublisher events;
    /** When each address or account was last reported as throttled, so a script makes one audit entry a window. */
    private final Map<String, Long> reported = new ConcurrentHashMap<>();

    FailedLoginLimit(LoginLimits limits, MeterRegistry meters, ApplicationEventPublisher events) {
        this.limits = limits;
        this.events = events;
        this.byAddress = new SlidingWindowLimit("failed-logins", limits.maxFailuresPerAddress(), limits.window(), meters);
        this.byAccount = new SlidingWindowLimit("failed-logins-account", limits.maxFailuresPerAccount(),
                limits.window(), meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String basicUser = basicUser(request);
        boolean formLogin = isFormLogin(request);
        if (basicUser == null && !formLogin) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingRequestWrapper cached = formLogin ? new ContentCachingRequestWrapper(request) : null;
        String address = request.getRemoteAddr();
        String account = basicUser != null ? basicUser : "";
        // the address's failures are counted once known, so forty colleagues behind one office address may log in
        // at once; the account's attempts are taken up front, so a burst of guesses at one account stops at its limit
        OptionalLong addressWait = byAddress.retryAfter(address);
        if (addressWait.isPresent()) {
            refuse(response, address, account, LoginsThrottled.Limit.ADDRESS, addressWait.getAsLong());
            return;
        }
        OptionalLong accountWait = basicUser == null ? OptionalLong.empty() : byAccount.tryAcquire(accountKey(basicUser));
        if (accountWait.isPresent()) {
            refuse(response, address, account, LoginsThrottled.Limit.ACCOUNT, accountWait.getAsLong());
            return;
        }
        boolean failed = true;
        try {
            chain.doFilter(cached != null ? cached : request, response);
            failed = response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
        } finally {
            if (!failed) {
                if (basicUser != null) {
                    byAccount.refund(accountKey(basicUser));
                }
            } else {
                byAddress.record(address);
            }
            if (failed && cached != null) {
                // the form's user name is known once the webapp has read the body
                String formUser = formUser(cached);
                if (formUser != null && byAccount.tryAcquire(accountKey(formUser)).isPresent()) {
                    report(address, formUser, LoginsThrottled.Limit.ACCOUNT, limits.window().toSeconds());
                }
            }
        }
    }

    /** Forgets everything (tests). */
    public void reset() {
        byAddress.reset();
        byAccount.reset();
        reported.clear();
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictIdle() {
        byAddress.evictIdle();
        byAccount.evictIdle();
        long now = System.nanoTime();
        reported.values().removeIf(at -> now - at >= limits.window().toNanos());
    }

    private void refuse(HttpServletResponse response, String address, String account, LoginsThrottled.Limit limit,
                        long retryAfter) throws IOException {
        report(address, account, limit, retryAfter);
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many failed logins\",\"status\":429,"
                + "\"detail\":\"Too many failed logins " + (limit == LoginsThrottled.Limit.ADDRESS
                        ? "from this address" : "for this account") + "; try again in " + retryAfter + " seconds.\","
                + "\"retryAfterSeconds\":" + retryAfter + "}");
    }

    private void report(String address, String account, LoginsThrottled.Limit limit, long retryAfter) {
        String key = limit == LoginsThrottled.Limit.ADDRESS ? "address:" + address : accountKey(account);
        long now = System.nanoTime();
        Long last = reported.get(key);
        if (last != null && now - last < limits.window().toNanos()) {
            return;
        }
        reported.put(key, now);
        int failures = limit == LoginsThrottled.Limit.ADDRESS ? limits.maxFailuresPerAddress()
                : limits.maxFailuresPerAccount();
        log.warn("{} failed logins {}; logins refused for up to {} s (last account tried: {})", failures,
                limit == LoginsThrottled.Limit.ADDRESS ? "from " + address : "for one account", retryAfter, account);
        events.publishEvent(new LoginsThrottled(address, account, limit, failures, retryAfter));
    }

    private static String accountKey(String userId) {
        return "account:" + userId.toLowerCase(Locale.ROOT);
    }

    /** The user id of an HTTP Basic header, or null for none (or one that is not Basic). */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    /** Camunda's webapp login: POST /camunda/api/admin/auth/user/{engine}/login/{app}. */
    private static boolean isFormLogin(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equalsIgnoreCase(request.getMethod()) && path.startsWith(FORM_LOGIN) && path.contains("/login");
    }

    private static String formUser(ContentCachingRequestWrapper request) {
        String body = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.startsWith("username=")) {
                return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
