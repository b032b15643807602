package uk.putitright.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

@Configuration
class SecurityConfig {

    /**
     * The public complaint pages (/complaint, /complaint/status): no login, but CSRF protection stays on: the
     * token lives in the session and Thymeleaf's th:action writes it into every form as the hidden _csrf field,
     * so a page on another site cannot post a complaint or withdraw one. A post without a valid token is
     * forwarded to a 403 page that asks the customer to start again. The pages use no script, inline style or
     * third-party resource, which the Content-Security-Policy enforces.
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        return http.securityMatcher("/complaint", "/complaint/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(new HttpSessionCsrfTokenRepository())
                        .csrfTokenRequestHandler(eagerMaskedCsrfToken()))
                .exceptionHandling(errors -> errors.accessDeniedPage("/complaint/expired"))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; style-src 'self'; "
                                + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .build();
    }

    /**
     * BREACH-safe (masked) tokens, loaded before the page renders: a session created while Thymeleaf writes
     * the form could come after the response is committed.
     */
    private static XorCsrfTokenRequestAttributeHandler eagerMaskedCsrfToken() {
        XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }

    /**
     * Who may read the compliance and annual reports (and the improvement actions in them): besides governance
     * (auditors, process owners, directors), the managers who answer for their services' complaints, since the
     * procedures make them own the learning: service managers and heads of service (Chorus Homes, emh), the
     * customer advocacy team and senior advocates (Housing Plus). Not the front line or the panel.
     */
    static final String[] REPORT_READERS = groups("auditors", "process-owners", "directors", "heads-of-service",
            "service-managers", "advocacy", "senior-advocacy", StaffGroups.ADMINISTRATORS);
    /** Who may read the Complaint Handling Code self-assessment. */
    static final String[] SELF_ASSESSMENT_READERS = groups("auditors", "process-owners", "directors",
            "complaints-officer", StaffGroups.ADMINISTRATORS);
    /** Who may write its manual provisions and commentary. */
    static final String[] SELF_ASSESSMENT_EDITORS = groups("complaints-officer");
    /** Who may record the governing body's approval. */
    static final String[] SELF_ASSESSMENT_APPROVERS = groups("directors", "complaints-officer");
    /** Who may see how the deployed models differ from the release, and who may change that (migrate). */
    static final String[] PROCESS_OWNER_PAGES = groups("process-owners", "auditors", StaffGroups.ADMINISTRATORS);
    static final String[] PROCESS_OWNERS = groups("process-owners", StaffGroups.ADMINISTRATORS);
    /** Who may erase a customer's personal data on request. */
    static final String[] DATA_ERASERS = groups("process-owners", StaffGroups.ADMINISTRATORS);
    /** Who records what a customer asks by phone or letter (escalation, withdrawal, ...) and survey answers. */
    static final String[] CUSTOMER_REQUEST_TAKERS = groups("customer-service", StaffGroups.ADMINISTRATORS);
    /** Who records an enquiry from the Housing Ombudsman (also a customer request taken by phone). */
    static final String[] OMBUDSMAN_ENQUIRY_TAKERS = groups("ombudsman-liaison", "customer-service",
            StaffGroups.ADMINISTRATORS);
    /** Who may refuse to take a complaint to Stage 2 (Code 5.11): the complaints officer, who has that authority (4.2). */
    static final String[] ESCALATION_REFUSERS = groups("complaints-officer", StaffGroups.ADMINISTRATORS);
    /** Who prints and posts the letters of the print queue: the Customer Service Centre. */
    static final String[] PRINT_ROOM = groups("customer-service", StaffGroups.ADMINISTRATORS);

    /**
     * Our API and the audit pages: HTTP Basic against Camunda users (a browser asks for the login once), no
     * session, so no cookie to forge (hence no CSRF token). Every endpoint names the groups it is for, and
     * anything not named is refused (deny by default): staff (any role, ASVS 4.1) read a complaint, its letters
     * and timeline; only the Customer Service Centre records customers' requests and works the print queue;
     * reports are for auditors and managers. Auditors, the monitoring user and a user in no group change
     * nothing here, and the engine's own authorizations (tasklist.AccessSetup) bound what any caller changes.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider users, IdentityService identity,
                            StaffGroups staffGroups) throws Exception {
        String[] staff = groups(staffGroupIds(staffGroups).toArray(String[]::new));
        // the case workspace (issue 15): staff read cases; every staff role but the auditors records a contact
        String[] contactRecorders = java.util.Arrays.stream(staff).filter(g -> !g.equals("GROUP_auditors"))
                .toArray(String[]::new);
        return http.securityMatcher("/api/**", "/audit/**", "/cases", "/cases/**", "/process-owners/**")
                // the Tasklist login's session counts too; its changes need Camunda's CSRF token
                .addFilterBefore(new WebappSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/complaints").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/feedback").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/reports/self-assessment/provisions/*")
                            .hasAnyAuthority(SELF_ASSESSMENT_EDITORS)
                        .requestMatchers(HttpMethod.POST, "/api/reports/self-assessment/approval")
                            .hasAnyAuthority(SELF_ASSESSMENT_APPROVERS)
                        .requestMatchers(HttpMethod.GET, "/api/reports/self-assessment", "/api/reports/self-assessment/*",
                                "/audit/self-assessment").hasAnyAuthority(SELF_ASSESSMENT_READERS)
                        .requestMatchers("/api/reports/self-assessment/**", "/audit/self-assessment/**").denyAll()
                        .requestMatchers("/api/reports/**", "/audit/reports/**", "/audit/reports")
                            .hasAnyAuthority(REPORT_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/erasure").hasAnyAuthority(DATA_ERASERS)
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/ombudsman-enquiry")
                            .hasAnyAuthority(OMBUDSMAN_ENQUIRY_TAKERS)
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/escalation-refusal")
                            .hasAnyAuthority(ESCALATION_REFUSERS)
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/escalation", "/api/complaints/*/withdrawal",
                                "/api/complaints/*/acceptance", "/api/complaints/*/icp-referral",
                                "/api/complaints/*/designated-person", "/api/complaints/*/survey-response")
                            .hasAnyAuthority(CUSTOMER_REQUEST_TAKERS)
                        .requestMatchers(HttpMethod.GET, "/api/print-queue", "/api/print-queue.pdf")
                            .hasAnyAuthority(PRINT_ROOM)
                        .requestMatchers(HttpMethod.POST, "/api/print-queue/posted").hasAnyAuthority(PRINT_ROOM)
                        .requestMatchers(HttpMethod.GET, "/api/complaints/*", "/api/complaints/*/letters",
                                "/api/complaints/*/letters/*", "/api/complaints/*/timeline",
                                "/api/complaints/*/timeline.csv", "/api/complaints/*/timeline.pdf",
                                "/audit/complaints/*", "/api/improvement-actions")
                            .hasAnyAuthority(staff)
                        // versions, migration batches and drift, and their page: read by auditors too; migrating
                        // (POST .../migrations) only by process owners
                        .requestMatchers(HttpMethod.GET, "/api/process-owners/**", "/process-owners/migrations")
                            .hasAnyAuthority(PROCESS_OWNER_PAGES)
                        .requestMatchers(HttpMethod.GET, "/audit/process-owners/changes")
                            .hasAnyAuthority(PROCESS_OWNER_PAGES)
                        .requestMatchers("/audit/process-owners/policy-preview").hasAnyAuthority(PROCESS_OWNERS)
                        .requestMatchers("/api/process-owners/**").hasAnyAuthority(PROCESS_OWNERS)
                        .requestMatchers(HttpMethod.GET, "/api/complaints", "/api/complaints/*/case",
                                "/api/cases/by-task/*", "/api/cases/by-task/*/card", "/cases", "/cases/*",
                                "/cases/*/new-complaint")
                            .hasAnyAuthority(staff)
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/customer-requests")
                            .hasAnyAuthority(CUSTOMER_REQUEST_TAKERS)
                        .requestMatchers(HttpMethod.POST, "/api/complaints/*/contacts").hasAnyAuthority(contactRecorders)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("Put It Right"))
                .authenticationManager(new ProviderManager(users))
                // no session of ours, and the Tasklist session a call rides on keeps its id: changing it here
                // (session fixation protection, for logins, which Camunda's login does itself) logged
                // Tasklist out as soon as one of its plugins called our API alongside Tasklist's own calls
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static String[] groups(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> "GROUP_" + id).toArray(String[]::new);
    }

    /** The role groups and the administrators. */
    private static java.util.Set<String> staffGroupIds(StaffGroups staffGroups) {
        java.util.Set<String> ids = new java.util.TreeSet<>(staffGroups.roleGroupIds());
        ids.add(StaffGroups.ADMINISTRATORS);
        return ids;
    }

    /** Who may read the metrics and the health components: administrators and the monitoring system's user. */
    static final String[] MONITORING = groups("camunda-admin", "monitoring");

    /**
     * Actuator: the load balancer's health check is public and says only UP or DOWN (the components, such as
     * the database, process engine and job executor, need a monitoring login); metrics need that login.
     * Only these two endpoints are exposed at all (management.* in application.yaml).
     */
    @Bean
    @Order(2)
    SecurityFilterChain monitoring(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority(MONITORING))
                .httpBasic(basic -> basic.realmName("Put It Right monitoring"))
                .authenticationManager(new ProviderManager(users))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Camunda's webapps and engine REST API bring their own authentication (below) and CSRF filter. The default
     * headers stay on, so HSTS goes out on every secure request (behind the proxy: X-Forwarded-Proto https).
     */
    @Bean
    @Order(3)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /** The engine REST API is never anonymous: HTTP Basic against Camunda users, with their authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("engine-rest-authentication");
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    /** After the engine REST authentication: staff only (EngineRestStaffOnly). */
    @Bean
    FilterRegistrationBean<EngineRestStaffOnly> engineRestStaffOnly(StaffGroups staffGroups) {
        FilterRegistrationBean<EngineRestStaffOnly> registration =
                new FilterRegistrationBean<>(new EngineRestStaffOnly(staffGroupIds(staffGroups)));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 5);
        registration.setName("engine-rest-staff-only");
        return registration;
    }

    /** Engine REST error bodies without Java class names (EngineRestErrorBodies); before authentication. */
    @Bean
    FilterRegistrationBean<EngineRestErrorBodies> engineRestErrorBodies() {
        FilterRegistrationBean<EngineRestErrorBodies> registration =
                new FilterRegistrationBean<>(new EngineRestErrorBodies());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("engine-rest-error-bodies");
        return registration;
    }
}
