package uk.putitright.cases;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.complaint.ComplaintNotFoundException;

/**
 * The case workspace's JSON API: search and list ({@code GET /api/complaints?q=...}), one case as the case page
 * shows it, recording a contact or a customer's request, and which case a Tasklist task belongs to (for the Tasklist "Case" tab).
 */
@RestController
class CaseController {

    private final CaseSearch search;
    private final CaseFile caseFile;
    private final CaseContacts contacts;
    private final CaseRequests requests;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    CaseController(CaseSearch search, CaseFile caseFile, CaseContacts contacts, CaseRequests requests, TaskService tasks,
                   RuntimeService runtime, IdentityService identity) {
        this.search = search;
        this.caseFile = caseFile;
        this.contacts = contacts;
        this.requests = requests;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** {@code {"items": [...], "total": N, "page", "size", "counts": {filter: {value: N}}}}. */
    @GetMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseSearch.Result search(@RequestParam Map<String, String> params,
                             org.springframework.security.core.Authentication user) {
        return search.search(params, user);
    }

    @GetMapping(path = "/api/complaints/{reference}/case", produces = MediaType.APPLICATION_JSON_VALUE)
    CaseFile.View caseView(@PathVariable String reference, org.springframework.security.core.Authentication user) {
        return caseFile.of(reference, user.getName());
    }

    @PostMapping(path = "/api/complaints/{reference}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> recordContact(@PathVariable String reference,
            @RequestBody CaseContacts.NewContact contact, org.springframework.security.core.Authentication user) {
        var note = contacts.record(reference, contact, user.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", reference, "recordedAt",
                note.getRecordedAt().toString()));
    }

    /**
     * A customer's request (escalate, accept the outcome, ask for the panel or a designated person, withdraw)
     * recorded from the case page: the same process as Tasklist's start form, started as the caller.
     */
    @PostMapping(path = "/api/complaints/{reference}/customer-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> recordRequest(@PathVariable String reference,
            @RequestBody CaseRequests.NewRequest request) {
        String instance = requests.record(reference, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("reference", reference, "request",
                request.request().strip().toUpperCase(java.util.Locale.ROOT), "processInstanceId", instance));
    }

    /** The complaint a task belongs to (its process's business key), read as the engine: a task id is no secret. */
    @GetMapping(path = "/api/cases/by-task/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> byTask(@PathVariable String taskId) {
        return EngineReads.asEngine(identity, () -> {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            ProcessInstance instance = task == null || task.getProcessInstanceId() == null ? null
                    : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
            if (instance == null || instance.getBusinessKey() == null) {
                throw new ComplaintNotFoundException("for task " + taskId.replaceAll("[^A-Za-z0-9-]", ""));
            }
            return Map.of("reference", instance.getBusinessKey());
        });
    }
}
