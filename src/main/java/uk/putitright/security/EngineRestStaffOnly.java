package uk.putitright.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API for staff only: after Camunda's own authentication, a user in no staff group (the
 * monitoring system's user, an account not yet given a role) gets 403 for every call, instead of whatever
 * the engine's default authorizations would show them (their own profile, which they could rename).
 */
class EngineRestStaffOnly extends OncePerRequestFilter {

    private final Set<String> staff;

    EngineRestStaffOnly(Set<String> staffGroupIds) {
        this.staff = staffGroupIds;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the same engine the REST API serves (by name, as Camunda's authentication filter looks it up)
        ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
        Authentication caller = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
        if (caller == null || caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(staff::contains)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.getWriter().write("{\"type\": \"Authorization\", \"message\": \"Only staff may use the engine API\"}");
    }
}
