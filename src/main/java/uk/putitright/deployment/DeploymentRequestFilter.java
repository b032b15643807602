package uk.putitright.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.springframework.web.filter.OncePerRequestFilter;
import uk.putitright.tasklist.Role;

/**
 * In front of engine REST's {@code POST /deployment/create} (Camunda Modeler's Deploy): only process owners and
 * administrators deploy (403 for everyone else, whatever their engine authorizations say), and a deployment
 * the {@link DeploymentGate} would refuse is answered 400 {@code application/problem+json} listing each
 * problem as {@code errors: [{resource, element, message}]}, before anything reaches the engine. The body is
 * read with engine REST's own multipart reader, so both see the same files; the gate inside the engine checks
 * again whatever passes here.
 */
class DeploymentRequestFilter extends OncePerRequestFilter {

    private static final Pattern DEPLOYMENT_CREATE = Pattern.compile("/engine-rest/+deployment/+create/*");
    private static final Set<String> RESERVED_PARTS = Set.of("deployment-name", "deployment-activation-time",
            "enable-duplicate-filtering", "deploy-changed-only", "deployment-source", "tenant-id");
    private static final Set<String> DEPLOYERS = Set.of(Role.PROCESS_OWNERS.groupId(), Groups.CAMUNDA_ADMIN);
    /** Larger than any set of models and forms a landlord has; a larger body is refused unread. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    private final DeploymentGate gate;

    DeploymentRequestFilter(ProcessEngine engine, DeploymentGate gate) {
        this.engine = engine;
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equalsIgnoreCase(request.getMethod()) || !DEPLOYMENT_CREATE.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user == null) {
            // not logged in: engine REST's authentication answers 401
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        if (groups.stream().noneMatch(DEPLOYERS::contains)) {
            problem(response, 403, "Only process owners deploy", "Deploying models needs the process owners' role.",
                    List.of());
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
        if (body == null) {
            problem(response, 413, "Deployment too large", "A deployment may be at most 10 MB.", List.of());
            return;
        }
        Map<String, byte[]> resources;
        try {
            resources = resources(request.getContentType(), body);
        } catch (RuntimeException | IOException unreadable) {
            problem(response, 400, "Deployment refused", "The request is not a multipart deployment.", List.of());
            return;
        }
        List<ModelProblem> problems = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(command -> gate.check(resources, command));
        if (!problems.isEmpty()) {
            problem(response, 400, "Deployment refused", problems.size() == 1 ? problems.get(0).toString()
                    : problems.size() + " problems, listed in errors", problems);
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /** The files of the deployment as engine REST reads them: every part with a file name that is no option. */
    private static Map<String, byte[]> resources(String contentType, byte[] body) throws IOException {
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("content-type", contentType);
        MultipartFormData form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null, null,
                headers, new ByteArrayInputStream(body));
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String part : form.getPartNames()) {
            MultipartFormData.FormPart file = form.getNamedPart(part);
            if (!RESERVED_PARTS.contains(part) && file.getFileName() != null) {
                resources.put(file.getFileName(), file.getBinaryContent());
            }
        }
        return resources;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
            List<ModelProblem> problems) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", problems.stream().map(p -> Map.of("resource", p.resource(), "element", p.element(),
                "message", p.message())).toList());
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) != -1; ) {
            out.write(buffer, 0, read);
            if (out.size() > limit) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** The request with its body read already, for engine REST to read again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
