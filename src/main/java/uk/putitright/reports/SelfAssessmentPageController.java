package uk.putitright.reports;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The self-assessment as a page for auditors, process owners and directors; a complaints officer also gets a
 * form per provision, and directors and complaints officers the approval form (self-assessment.js sends them to
 * the API, which checks the role again).
 */
@Controller
class SelfAssessmentPageController {

    private final SelfAssessmentService selfAssessments;
    private final ComplianceReportService reports;

    SelfAssessmentPageController(SelfAssessmentService selfAssessments, ComplianceReportService reports) {
        this.selfAssessments = selfAssessments;
        this.reports = reports;
    }

    @GetMapping("/audit/self-assessment")
    String page(@RequestParam(required = false) String landlord, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, Authentication user, Model model) {
        SelfAssessment sa = selfAssessments.assess(landlord, SelfAssessmentController.period(reports, from, to));
        model.addAttribute("selfAssessment", sa);
        model.addAttribute("canEdit", member(user, "complaints-officer"));
        model.addAttribute("canApprove", member(user, "complaints-officer") || member(user, "directors"));
        return "audit/self-assessment";
    }

    private static boolean member(Authentication user, String group) {
        return user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("GROUP_" + group));
    }
}
