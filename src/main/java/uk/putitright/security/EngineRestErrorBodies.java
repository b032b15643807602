package uk.putitright.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine REST API answers an error with {"type": "InvalidRequestException", "message": ..., "code": ...}:
 * the Java exception's class name, and for unexpected failures a message that may name classes
 * ("java.lang.NullPointerException: ..."). That tells an attacker what runs inside. Here the type loses its
 * "Exception" suffix (InvalidRequest, Authorization, ...) and any fully qualified class name in the message is
 * cut out; the message and the code stay, so callers still learn what was wrong with their request.
 * <p>
 * Only on /engine-rest: the webapps' own API (/camunda/api) keeps its bodies, since Cockpit and Tasklist
 * recognise a refusal by the type "AuthorizationException".
 */
class EngineRestErrorBodies extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s?");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, body);
            if (body.getStatus() >= 400 && body.getContentType() != null && body.getContentType().contains("json")) {
                byte[] cleaned = cleaned(body.getContentAsByteArray());
                if (cleaned != null) {
                    body.resetBuffer();
                    body.getOutputStream().write(cleaned);
                }
            }
        } finally {
            body.copyBodyToResponse();
        }
    }

    /** The error without class names, or null if it is not an engine error object. */
    static byte[] cleaned(byte[] json) {
        JsonNode error;
        try {
            error = JSON.readTree(json);
        } catch (IOException notJson) {
            return null;
        }
        if (!(error instanceof ObjectNode object) || !object.has("type")) {
            return null;
        }
        object.put("type", object.get("type").asText().replaceFirst("Exception$", ""));
        if (object.hasNonNull("message")) {
            object.put("message", QUALIFIED_CLASS.matcher(object.get("message").asText()).replaceAll(""));
        }
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException impossible) {
            return null;
        }
    }
}
