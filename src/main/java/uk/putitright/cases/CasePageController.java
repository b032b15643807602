package uk.putitright.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import uk.putitright.audit.AuditLog;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.complaint.Stage;
import uk.putitright.intake.InvalidFieldException;

/**
 * The staff pages: the case list with its search and filters ({@code /cases}), one page per case, and a new
 * complaint for the same customer.
 */
@Controller
class CasePageController {

    private final CaseSearch search;
    private final CaseFile caseFile;
    private final CaseTeams teams;
    private final ComplaintRegister complaints;
    private final LandlordProperties landlords;
    private final AuditLog audit;

    CasePageController(CaseSearch search, CaseFile caseFile, CaseTeams teams, ComplaintRegister complaints,
                       LandlordProperties landlords, AuditLog audit) {
        this.search = search;
        this.caseFile = caseFile;
        this.teams = teams;
        this.complaints = complaints;
        this.landlords = landlords;
        this.audit = audit;
    }

    @GetMapping("/cases")
    String list(@RequestParam Map<String, String> params, Authentication user, Model model,
                HttpServletResponse response) {
        Map<String, String> asked = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                asked.put(name, value);
            }
        });
        model.addAttribute("asked", asked);
        model.addAttribute("stages", Arrays.stream(Stage.values()).map(Enum::name).toList());
        model.addAttribute("channels", Arrays.stream(Channel.values()).map(Enum::name).toList());
        model.addAttribute("teams", List.copyOf(teams.teams()));
        try {
            CaseSearch.Result result = search.search(asked, user);
            model.addAttribute("result", result);
            long pages = (result.total() + result.size() - 1) / result.size();
            model.addAttribute("pages", pages);
        } catch (InvalidFieldException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.field() + " " + e.getMessage());
            model.addAttribute("errorField", e.field());
        }
        return "cases/list";
    }

    @GetMapping("/cases/{reference}")
    String page(@PathVariable String reference, Authentication user, Model model, HttpServletRequest request) {
        model.addAttribute("c", caseFile.of(reference, user.getName()));
        model.addAttribute("csrfToken", csrfToken(request));
        model.addAttribute("contactKinds", Arrays.stream(CaseContacts.Kind.values())
                .map(kind -> Map.of("value", kind.name(), "label", kind.label)).toList());
        model.addAttribute("requests", CaseRequests.REQUESTS);
        return "cases/case";
    }

    /**
     * A new complaint from the same customer, their details filled in from this complaint (read here from our
     * tables and sent by the page to {@code POST /api/complaints}, never through the engine). Opening it shows
     * the customer's details, so it is a case view in the audit log.
     */
    @GetMapping("/cases/{reference}/new-complaint")
    String newComplaint(@PathVariable String reference, Authentication user, Model model, HttpServletRequest request) {
        Complaint complaint = complaints.find(reference);
        audit.record(complaint.getId(), user.getName(), "CASE_VIEWED", "new complaint for the same customer");
        model.addAttribute("from", complaint);
        model.addAttribute("erased", complaint.isAnonymised());
        var landlord = landlords.landlords().get(complaint.getLandlord());
        model.addAttribute("landlordName", landlord == null ? complaint.getLandlord() : landlord.name());
        model.addAttribute("channels", Arrays.stream(Channel.values()).map(Enum::name).toList());
        model.addAttribute("contactMethods", Arrays.stream(ContactMethod.values()).map(Enum::name).toList());
        model.addAttribute("csrfToken", csrfToken(request));
        // one key per form shown: a double click or a retry logs the complaint once
        model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        return "cases/new-complaint";
    }

    /** The Tasklist session's CSRF token, for the page's changes (empty when logged in with HTTP Basic). */
    private static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return token == null ? "" : token.toString();
    }
}
