package uk.putitright.change;

import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import uk.putitright.intake.InvalidFieldException;

/**
 * The process owners' pages, server-rendered with no script: upload a candidate policy and read what it would
 * have done last year; pick two versions of a process or decision and read what changed. A refusal is shown on
 * the page (400), with the file's problems.
 */
@Controller
class ChangePageController {

    private final PolicyPreview previews;
    private final ModelChanges changes;

    ChangePageController(PolicyPreview previews, ModelChanges changes) {
        this.previews = previews;
        this.changes = changes;
    }

    @GetMapping("/audit/process-owners/policy-preview")
    String previewForm() {
        return "audit/policy-preview";
    }

    // read-only: nothing is deployed or stored, so a forged post would change nothing
    @PostMapping("/audit/process-owners/policy-preview")
    ModelAndView preview(@RequestParam(name = "policy", required = false) MultipartFile policy) throws IOException {
        ModelAndView page = new ModelAndView("audit/policy-preview");
        try {
            page.addObject("preview", previews.preview(ChangeController.fileName(policy), policy.getBytes()));
        } catch (PolicyPreview.CandidateRefusedException refused) {
            page.addObject("problems", refused.problems());
            page.setStatus(HttpStatus.BAD_REQUEST);
        } catch (InvalidFieldException invalid) {
            page.addObject("invalid", invalid.getMessage());
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    @GetMapping("/audit/process-owners/changes")
    String changes(@RequestParam(required = false) String key, @RequestParam(required = false) Integer from,
                   @RequestParam(required = false) Integer to, Model model) {
        model.addAttribute("key", key);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        if (key != null && !key.isBlank()) {
            try {
                model.addAttribute("result", changes.between(key, from, to));
            } catch (InvalidFieldException invalid) {
                model.addAttribute("invalidField", invalid.field());
                model.addAttribute("invalid", invalid.getMessage());
            }
        }
        return "audit/changes";
    }
}
