package uk.putitright.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When the start listener refuses a start form, the engine REST API answers "Cannot instantiate process
 * definition complaint:1:...: The complaint was not logged. ...", and Tasklist shows that at the top of its
 * dialog. Here the answer to a refused start form keeps only our sentence, in plain words, as a 400 (the
 * input was wrong, nothing was stored); the error's type stays, so Tasklist handles it as before.
 */
class StartFormRefusals extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Tasklist's engine API and the engine REST API, for submit-form only. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<StartFormRefusals> startFormRefusalsFilter() {
            FilterRegistrationBean<StartFormRefusals> registration =
                    new FilterRegistrationBean<>(new StartFormRefusals());
            registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
            registration.setName("start-form-refusals");
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !uri.contains("/process-definition/")
                || !uri.endsWith("/submit-form");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, body);
            if (body.getStatus() >= 400) {
                byte[] plain = plain(body.getContentAsByteArray());
                if (plain != null) {
                    body.resetBuffer();
                    body.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    body.getOutputStream().write(plain);
                }
            }
        } finally {
            body.copyBodyToResponse();
        }
    }

    /** The error with our refusal as its whole message, or null if it is not one of ours. */
    static byte[] plain(byte[] json) {
        try {
            JsonNode error = JSON.readTree(json);
            String message = error instanceof ObjectNode && error.hasNonNull("message")
                    ? error.get("message").asText() : "";
            int ours = message.indexOf(StartFormIntake.REFUSAL);
            if (ours < 0) {
                return null;
            }
            ((ObjectNode) error).put("message", message.substring(ours).strip());
            return JSON.writeValueAsBytes(error);
        } catch (IOException notJson) {
            return null;
        }
    }
}
