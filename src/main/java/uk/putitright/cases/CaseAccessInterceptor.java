package uk.putitright.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uk.putitright.complaint.ComplaintRepository;

/**
 * Applies {@link CaseAccess} to every path that reads or works one case ({@code /api/complaints/{reference}/...},
 * {@code /audit/complaints/{reference}...}, {@code /cases/{reference}...}) and to the case search and list,
 * before the controller runs. Logging a complaint (public) is not a case read. An unknown reference is left
 * to the controller's 404.
 */
@Configuration
class CaseAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern CASE_PATH = Pattern.compile("/(?:api/complaints|audit/complaints|cases)/([^/]+)(?:/.*)?");

    private final CaseAccess access;
    private final ComplaintRepository complaints;

    CaseAccessInterceptor(CaseAccess access, ComplaintRepository complaints) {
        this.access = access;
        this.complaints = complaints;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/complaints", "/api/complaints/**",
                "/audit/complaints/**", "/cases", "/cases/**", "/api/cases/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/complaints") && HttpMethod.POST.matches(request.getMethod())) {
            return true;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        CaseAccess.Scope scope = access.scope(user);
        if (scope == CaseAccess.Scope.NONE) {
            throw new CaseAccessDeniedException("Only members of a staff group may read complaints");
        }
        Matcher matcher = CASE_PATH.matcher(path);
        if (matcher.matches() && scope != CaseAccess.Scope.ALL) {
            complaints.findByReference(matcher.group(1)).ifPresent(complaint -> {
                if (!access.maySee(scope, complaint)) {
                    throw new CaseAccessDeniedException("This complaint has not been referred to the panel");
                }
            });
        }
        return true;
    }

}
