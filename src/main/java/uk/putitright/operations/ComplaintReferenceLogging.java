package uk.putitright.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While a request about one complaint (/api/complaints/{reference}/...) runs, its log lines carry the reference
 * under {@value #MDC_KEY}, the same key the engine uses for a complaint's jobs and delegates
 * (camunda.bpm.generic-properties.properties.loggingContextBusinessKey).
 */
class ComplaintReferenceLogging extends OncePerRequestFilter {

    static final String MDC_KEY = "complaintReference";
    // what a reference can look like (CHG-2026-000042): anything else is not logged, so no log injection
    private static final Pattern REFERENCE = Pattern.compile("^/api/complaints/([A-Za-z0-9-]{1,40})(?:/.*)?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = REFERENCE.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!matcher.matches()) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, matcher.group(1))) {
            chain.doFilter(request, response);
        }
    }
}
