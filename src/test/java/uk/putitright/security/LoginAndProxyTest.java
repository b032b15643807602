package uk.putitright.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.intake.StatusLookupLimiter;
import uk.putitright.intake.SubmissionRateLimiter;

/**
 * Failed logins slow the client down without locking the member of staff out (issue 18, item 5); the
 * per-address limits count the real client, trusting X-Forwarded-For only from configured proxies, and URLs
 * the firewall refuses are 400s (item 10). Each client is a different loopback address (127.0.0.x): the
 * requests are sent from a socket bound to it, so the server sees that address, as it would a real client's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"putitright.test.database=putitright-logins",
        "putitright.security.logins.max-failures-per-address=5",
        "putitright.security.logins.max-failures-per-account=8",
        "putitright.intake.max-submissions-per-address=2",
        "putitright.intake.max-failed-lookups-per-address=2"})
class LoginAndProxyTest {

    private static final String STAFF = "cs.logins";
    private static final String ADMIN = "admin.logins";
    private static final String FORM_USER = "form.logins";
    private static final String LOCKABLE = "lockable.logins";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired FailedLoginLimit logins;
    @Autowired SubmissionRateLimiter submissions;
    @Autowired StatusLookupLimiter lookups;

    @BeforeEach
    void setUp() {
        uk.putitright.letters.TestMailServer.running();
        TestStaff.ensure(identity, STAFF, STAFF, "customer-service");
        TestStaff.ensure(identity, ADMIN, ADMIN, "camunda-admin");
        TestStaff.ensure(identity, FORM_USER, FORM_USER, "customer-service");
        TestStaff.ensure(identity, LOCKABLE, LOCKABLE, "customer-service");
        logins.reset();
        submissions.reset();
        lookups.reset();
    }

    // ---- item 5: failed logins

    @Test
    void theProbeWrongPasswordsThrottleTheirClientWhileTheRightPasswordFromAnotherStillWorks() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(engineRest("127.0.0.3", ADMIN, "wrong-" + i).status()).as("wrong password " + i).isEqualTo(401);
        }
        // the script is refused before its password is even checked, the right one too
        Answer throttled = engineRest("127.0.0.3", ADMIN, "wrong-6");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(engineRest("127.0.0.3", ADMIN, ADMIN).status()).isEqualTo(429);

        // the administrator, from their own address, is not locked out
        assertThat(engineRest("127.0.0.4", ADMIN, ADMIN).status()).isEqualTo(200);
        assertThat(identity.checkPassword(ADMIN, ADMIN)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGINS_THROTTLED'"
                + " and actor = 'client 127.0.0.3' and detail like '%" + ADMIN + "%'", Long.class)).isOne();
    }

    @Test
    void colleaguesBehindOneOfficeAddressLogInAtOnceWithoutBeingThrottled() throws Exception {
        // more logins at the same moment than the address's allowance of failures (5 here): none fails, none waits
        for (int i = 0; i < 20; i++) {
            TestStaff.ensure(identity, "office" + i + ".logins", "office" + i + ".logins", "customer-service");
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String colleague = "office" + (i % 20) + ".logins";
                answers.add(pool.submit(() -> engineRest("127.0.0.8", colleague, colleague)));
            }
            for (java.util.concurrent.Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // and wrong passwords from that address are still counted and throttled
        for (int i = 1; i <= 5; i++) {
            assertThat(engineRest("127.0.0.8", ADMIN, "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(engineRest("127.0.0.8", STAFF, STAFF).status()).isEqualTo(429);
    }

    @Test
    void camundasLockNoLongerShutsAnAccountAfterTenWrongPasswords() {
        // the engine's own check, as Tasklist and engine REST use it: it locked the account for good at ten
        for (int i = 0; i < 12; i++) {
            assertThat(identity.checkPassword(LOCKABLE, "guess-" + i)).isFalse();
        }
        assertThat(identity.checkPassword(LOCKABLE, LOCKABLE)).isTrue();
    }

    @Test
    void ourApiAndTheWebappLoginFormCountToo() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertThat(send("127.0.0.5", "GET", "/api/complaints/CHG-2026-000001",
                    Map.of("Authorization", TestStaff.basicAuth(STAFF, "wrong")), null).status()).isEqualTo(401);
        }
        assertThat(send("127.0.0.5", "GET", "/api/complaints/CHG-2026-000001",
                Map.of("Authorization", TestStaff.basicAuth(STAFF, STAFF)), null).status()).isEqualTo(429);

        // Tasklist's login form: a session and its CSRF token first
        Answer page = send("127.0.0.6", "GET", "/camunda/app/tasklist/default/", Map.of(), null);
        String cookies = page.cookies();
        String token = page.cookie("XSRF-TOKEN");
        Map<String, String> headers = Map.of("Cookie", cookies, "X-XSRF-TOKEN", token,
                "Content-Type", "application/x-www-form-urlencoded");
        for (int i = 1; i <= 5; i++) {
            assertThat(send("127.0.0.6", "POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers,
                    "username=" + FORM_USER + "&password=wrong").status()).as("form login " + i).isEqualTo(401);
        }
        assertThat(send("127.0.0.6", "POST", "/camunda/api/admin/auth/user/default/login/tasklist", headers,
                "username=" + FORM_USER + "&password=" + FORM_USER).status()).isEqualTo(429);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGINS_THROTTLED'"
                + " and actor = 'client 127.0.0.6'", Long.class)).isOne();
    }

    @Test
    void anAccountTriedFromManyAddressesIsRefusedForAWhileFromAnyAddress() throws Exception {
        // 4 + 4 failures from two addresses, each under its own limit, reach the account's 8
        for (String address : new String[] {"127.0.0.7", "127.0.0.8"}) {
            for (int i = 0; i < 4; i++) {
                assertThat(engineRest(address, STAFF, "guess").status()).isEqualTo(401);
            }
        }
        Answer refused = engineRest("127.0.0.9", STAFF, STAFF);
        assertThat(refused.status()).isEqualTo(429);
        // a lock that expires: at most the window (15 minutes), and Camunda has not locked the account
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(identity.checkPassword(STAFF, STAFF)).isTrue();
        // other accounts from that address are not affected
        assertThat(engineRest("127.0.0.9", ADMIN, ADMIN).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'LOGINS_THROTTLED'"
                + " and detail like '%account ''" + STAFF + "''%'", Long.class)).isOne();
    }

    // ---- item 10: X-Forwarded-For and refused URLs

    @Test
    void rotatingXForwardedForFromAnUntrustedClientDoesNotPassTheSubmissionLimit() throws Exception {
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            statuses[i] = send("127.0.0.10", "POST", "/api/complaints",
                    Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113." + (i + 1)),
                    complaint("Rotating " + i + " " + UUID.randomUUID())).status();
        }
        assertThat(statuses).containsExactly(201, 201, 429);

        // from the trusted proxy (loopback 127.0.0.1, the default) the forwarded address is the client
        for (int i = 0; i < 3; i++) {
            assertThat(send("127.0.0.1", "POST", "/api/complaints",
                    Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100." + (i + 1)),
                    complaint("Behind the proxy " + i + " " + UUID.randomUUID())).status()).isEqualTo(201);
        }
    }

    @Test
    void rotatingXForwardedForFromAnUntrustedClientDoesNotPassTheStatusLookupLimit() throws Exception {
        int[] statuses = new int[3];
        for (int i = 0; i < 3; i++) {
            Answer page = send("127.0.0.11", "GET", "/complaint/status",
                    Map.of("X-Forwarded-For", "203.0.113." + (10 + i)), null);
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).isTrue();
            String form = "reference=CHG-2026-99999" + i + "&contact=" + URLEncoder.encode("a@example.org",
                    StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            statuses[i] = send("127.0.0.11", "POST", "/complaint/status", Map.of("Cookie", page.cookies(),
                    "Content-Type", "application/x-www-form-urlencoded",
                    "X-Forwarded-For", "203.0.113." + (10 + i)), form).status();
        }
        assertThat(statuses[2]).isEqualTo(429);
    }

    @Test
    void urlsTheFirewallRefusesAre400ProblemJsonNot500() throws Exception {
        for (String path : new String[] {"/engine-rest;/task", "//engine-rest/task", "/api//complaints"}) {
            Answer answer = send("127.0.0.12", "GET", path, Map.of("Authorization", TestStaff.basicAuth(ADMIN, ADMIN)),
                    null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(answer.body()).as(path).doesNotContain("Exception", "org.springframework");
        }
    }

    // ---- a client at a chosen loopback address

    private Answer engineRest(String from, String user, String password) throws IOException {
        return send(from, "GET", "/engine-rest/task?maxResults=1",
                Map.of("Authorization", TestStaff.basicAuth(user, password)), null);
    }

    private static String complaint(String summary) {
        return """
                {"channel": "ONLINE_FORM", "summary": "%s",
                 "customer": {"name": "Pat Tenant", "email": "pat@example.org", "preferredContact": "EMAIL"}}
                """.formatted(summary);
    }

    record Answer(int status, Map<String, String> headers, String setCookies, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** "a=1; b=2" from every Set-Cookie. */
        String cookies() {
            StringBuilder out = new StringBuilder();
            for (String line : setCookies.split("\n")) {
                if (!line.isBlank()) {
                    out.append(out.isEmpty() ? "" : "; ").append(line, 0, line.contains(";") ? line.indexOf(';') : line.length());
                }
            }
            return out.toString();
        }

        String cookie(String name) {
            for (String pair : cookies().split("; ")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
            return null;
        }
    }

    /** One HTTP/1.1 request from a socket bound to {@code from}, read to the end (Connection: close). */
    private Answer send(String from, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(60_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                request.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, headerEnd).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            StringBuilder setCookies = new StringBuilder();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase();
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("set-cookie")) {
                    setCookies.append(value).append('\n');
                }
                answerHeaders.put(name, value);
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), answerHeaders, setCookies.toString(),
                    response.substring(headerEnd + 4));
        }
    }
}
