package uk.putitright.migration;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * For process owners (SecurityConfig: GET also for auditors): the running versions of a process, a migration
 * from one version to another (a dry run first; the real one starts the engine's batch), and the batch's progress.
 */
@RestController
class MigrationController {

    /** From version, to version, extra activity mappings (source id to target id), instances (all if empty). */
    record MigrationRequest(int fromVersion, int toVersion, Map<String, String> mappings,
            List<String> processInstanceIds, boolean dryRun) {
    }

    private final ComplaintMigration migration;

    MigrationController(ComplaintMigration migration) {
        this.migration = migration;
    }

    @GetMapping("/api/process-owners/processes/{key}/versions")
    List<ComplaintMigration.Version> versions(@PathVariable String key) {
        return migration.versions(key);
    }

    @PostMapping("/api/process-owners/processes/{key}/migrations")
    ComplaintMigration.Result migrate(@PathVariable String key, @RequestBody MigrationRequest request) {
        return migration.migrate(key, request.fromVersion(), request.toVersion(),
                request.mappings() == null ? Map.of() : request.mappings(), request.processInstanceIds(),
                request.dryRun());
    }

    @GetMapping("/api/process-owners/processes/{key}/migrations")
    List<ComplaintMigration.BatchStatus> batches(@PathVariable String key) {
        return migration.batches(key);
    }

    @GetMapping("/api/process-owners/migrations/{batchId}")
    ComplaintMigration.BatchStatus status(@PathVariable String batchId) {
        return migration.status(batchId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no migration batch " + batchId));
    }
}
