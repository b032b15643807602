package uk.putitright.cases;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import uk.putitright.complaint.ComplaintNotFoundException;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.intake.InvalidFieldException;
import uk.putitright.process.StepNotOpenException;

/**
 * A customer's request taken from the case page: starts the same "Record a customer's request" process as
 * Tasklist's start form (process {@code customer-request}), as the member of staff (their Camunda
 * authorizations apply, and the engine's history says who), with the same variables: the reference and the
 * request; the Stage 2 reasons only for an escalation (the process passes them on and removes them).
 */
@Service
class CaseRequests {

    static final String PROCESS = "customer-request";

    /** What staff may record for a customer, by label. */
    static final Map<String, String> REQUESTS = requests();

    record NewRequest(String request, String stage2Reason, String stage2DesiredOutcome) {
    }

    private final RuntimeService runtime;
    private final ComplaintRegister complaints;

    CaseRequests(RuntimeService runtime, ComplaintRegister complaints) {
        this.runtime = runtime;
        this.complaints = complaints;
    }

    /**
     * @throws InvalidFieldException        an unknown request, or reasons too long
     * @throws ComplaintNotFoundException   an unknown reference
     * @throws StepNotOpenException         the complaint cannot take this request at its current step
     */
    String record(String reference, NewRequest request) {
        String kind = request.request() == null ? "" : request.request().strip().toUpperCase(Locale.ROOT);
        if (!REQUESTS.containsKey(kind)) {
            throw new InvalidFieldException("request", "must be one of " + REQUESTS.keySet());
        }
        complaints.find(reference);
        Map<String, Object> variables = new HashMap<>();
        variables.put("reference", reference);
        variables.put("request", kind);
        if (kind.equals("ESCALATE")) {
            variables.put("stage2Reason", text(request.stage2Reason(), "stage2Reason"));
            variables.put("stage2DesiredOutcome", text(request.stage2DesiredOutcome(), "stage2DesiredOutcome"));
        }
        try {
            return runtime.startProcessInstanceByKey(PROCESS, reference, variables).getId();
        } catch (AuthorizationException e) {
            throw e;
        } catch (ProcessEngineException e) {
            // the process's step runs while it starts: its refusal is the complaint's own answer
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StepNotOpenException notOpen) {
                    throw notOpen;
                }
                if (cause instanceof ComplaintNotFoundException notFound) {
                    throw notFound;
                }
            }
            throw new InvalidFieldException("request", e.getMessage());
        }
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 2000) {
            throw new InvalidFieldException(field, "must be at most 2000 characters");
        }
        return value.strip();
    }

    /** The requests and their labels as the Tasklist start form offers them (one list for both). */
    private static Map<String, String> requests() {
        try (var form = CaseRequests.class.getResourceAsStream("/forms/record-customer-request.form")) {
            Map<String, String> requests = new LinkedHashMap<>();
            for (var component : new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).get("components")) {
                if ("request".equals(component.path("key").asText())) {
                    component.get("values").forEach(v -> requests.put(v.get("value").asText(), v.get("label").asText()));
                }
            }
            return java.util.Collections.unmodifiableMap(requests);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("forms/record-customer-request.form has no request list", e);
        }
    }
}
