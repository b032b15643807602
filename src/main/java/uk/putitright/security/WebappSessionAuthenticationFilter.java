package uk.putitright.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff logged in to Tasklist use the case pages and our API without logging in again: the user and groups of
 * the Camunda webapps' session count as if sent with HTTP Basic. A change made with that session must carry
 * the webapps' own CSRF token (header {@code X-XSRF-TOKEN}, as Tasklist sends it), so a page on another site
 * cannot use the session; HTTP Basic needs no token (no cookie).
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UserAuthentication user = request.getHeader("Authorization") == null ? sessionUser(request) : null;
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean safe = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (!safe && !tokenMatches(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "CSRF token missing or wrong");
            return;
        }
        List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                : user.getGroupIds().stream().map(group -> new SimpleGrantedAuthority("GROUP_" + group)).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
        chain.doFilter(request, response);
    }

    private static UserAuthentication sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication user = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(ENGINE);
        return user instanceof UserAuthentication staff ? staff : null;
    }

    private static boolean tokenMatches(HttpServletRequest request) {
        Object expected = request.getSession(false).getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected != null && sent != null && MessageDigest.isEqual(
                expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
