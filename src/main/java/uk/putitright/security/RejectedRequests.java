package uk.putitright.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A URL Spring Security's firewall refuses ({@code /engine-rest;/task}, {@code //engine-rest/task}, encoded
 * slashes, ...) is the client's mistake: 400 problem+json. The firewall's check runs here, first of all
 * filters: further in, such a path made Spring's request-path parsing (before the security filter chain and
 * its own firewall) throw, a 500. The reason is logged, not sent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final HttpFirewall firewall;

    RejectedRequests(ObjectProvider<HttpFirewall> firewall) {
        this.firewall = firewall.getIfAvailable(StrictHttpFirewall::new);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
            log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,"
                    + "\"detail\":\"The URL is not allowed (a ';', '//', encoded slash or similar in the path).\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
