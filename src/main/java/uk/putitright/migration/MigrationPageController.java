package uk.putitright.migration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import uk.putitright.intake.InvalidFieldException;

/**
 * The process owners' page (auditors read it): for a process, the running instances per version and where they
 * wait, the plan from one version to another with a select for each waiting step the new version lacks, and the
 * dry run, the migration and its progress (static/js/migrations.js, through the JSON API); and the drift panel.
 */
@Controller
class MigrationPageController {

    private static final List<String> MIGRATORS = List.of("GROUP_process-owners", "GROUP_camunda-admin");

    /** One waiting step of the plan: mapped to the same id, or to be chosen by the owner. */
    record PlanStep(String sourceId, String sourceName, long waiting, boolean sameInTarget) {
    }

    private final ComplaintMigration migration;
    private final RepositoryService repository;

    MigrationPageController(ComplaintMigration migration, RepositoryService repository) {
        this.migration = migration;
        this.repository = repository;
    }

    @GetMapping("/process-owners/migrations")
    String page(@RequestParam(defaultValue = "complaint") String key, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Authentication user, Model model, HttpServletRequest request) {
        Map<String, String> processes = processes();
        if (!processes.containsKey(key)) {
            throw new InvalidFieldException("key", "there is no process " + key);
        }
        List<ComplaintMigration.Version> versions = migration.versions(key);
        model.addAttribute("key", key);
        model.addAttribute("processes", processes);
        model.addAttribute("versions", versions);
        model.addAttribute("batches", migration.batches(key));
        model.addAttribute("canMigrate", user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(MIGRATORS::contains));
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        model.addAttribute("csrfToken", token == null ? "" : token.toString());
        // by default from the oldest version with running instances to the latest
        ComplaintMigration.Version latest = versions.get(versions.size() - 1);
        ComplaintMigration.Version source = versions.stream()
                .filter(v -> from == null ? v.running() > 0 && v != latest : v.version() == from).findFirst()
                .orElse(null);
        ComplaintMigration.Version target = versions.stream()
                .filter(v -> v.version() == (to == null ? latest.version() : to)).findFirst().orElse(null);
        if (from != null && source == null) {
            throw new InvalidFieldException("from", "there is no version " + from + " of " + key);
        }
        if (to != null && target == null) {
            throw new InvalidFieldException("to", "there is no version " + to + " of " + key);
        }
        model.addAttribute("source", source);
        model.addAttribute("target", target);
        if (source != null && target != null) {
            model.addAttribute("plan", source.waitingAt().entrySet().stream().map(waiting -> new PlanStep(
                    waiting.getKey(), source.activities().getOrDefault(waiting.getKey(), waiting.getKey()),
                    waiting.getValue(), target.activities().containsKey(waiting.getKey()))).toList());
        }
        return "process-owners/migrations";
    }

    /** Every deployed process, key to the latest version's name. */
    private Map<String, String> processes() {
        Map<String, String> processes = new TreeMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion()
                .listPage(0, ComplaintMigration.MAX_ROWS)) {
            processes.put(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        }
        return processes;
    }
}
