package uk.putitright.deployment;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For process owners (and auditors): what runs differs from the release, and what a release replaced. */
@RestController
class ProcessOwnerController {

    private final DeploymentDrift drift;

    ProcessOwnerController(DeploymentDrift drift) {
        this.drift = drift;
    }

    @GetMapping("/api/process-owners/drift")
    DeploymentDrift.Report drift() {
        return drift.report();
    }
}
