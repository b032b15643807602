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
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Stage;
import uk.putitright.intake.InvalidFieldException;

/** The staff pages: the case list with its search and filters ({@code /cases}) and one page per case. */
@Controller
class CasePageController {

    private final CaseSearch search;
    private final CaseFile caseFile;
    private final CaseAccess access;
    private final CaseTeams teams;

    CasePageController(CaseSearch search, CaseFile caseFile, CaseAccess access, CaseTeams teams) {
        this.search = search;
        this.caseFile = caseFile;
        this.access = access;
        this.teams = teams;
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
            CaseQuery query = search.parse(asked);
            CaseSearch.Result result = search.search(query, access.scope(user), user.getName());
            model.addAttribute("result", result);
            model.addAttribute("query", query);
            long pages = (result.total() + query.size() - 1) / query.size();
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
        HttpSession session = request.getSession(false);
        Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        model.addAttribute("csrfToken", token == null ? "" : token.toString());
        model.addAttribute("contactKinds", Arrays.stream(CaseContacts.Kind.values())
                .map(kind -> Map.of("value", kind.name(), "label", kind.label)).toList());
        return "cases/case";
    }
}
