package uk.putitright.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import uk.putitright.TestStaff;

/** HTTP calls as a member of staff (HTTP Basic, password = user id) or anonymously (user null). */
final class StaffHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    StaffHttp(int port) {
        this.port = port;
    }

    /** METHOD, path and JSON body (null: none) as this user; the status and body. */
    HttpResponse<String> call(String method, String path, String json, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    int status(String method, String path, String json, String user) throws Exception {
        return call(method, path, json, user).statusCode();
    }

    /** Modeler's deploy: a one-task model of this process key, as multipart engine REST deployment/create. */
    HttpResponse<String> deploy(String processKey, String user) throws Exception {
        String boundary = "----probe" + UUID.randomUUID();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://putitright.uk/probe">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_Probe"/>
                  </process>
                </definitions>
                """.formatted(processKey);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + processKey
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\""
                + "\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
