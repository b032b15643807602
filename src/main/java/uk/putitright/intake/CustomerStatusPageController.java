package uk.putitright.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNotFoundException;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.complaint.Stage;
import uk.putitright.process.CustomerMessage;
import uk.putitright.process.StepNotOpenException;

/**
 * The customer's self-service page: with the reference number and the email address or postcode given at
 * intake, the customer sees the stage and the next deadline (nothing else), and can ask for Stage 2, ask for
 * the Independent Complaints Panel or withdraw, whenever the complaint's process waits for that. Wrong details
 * and an unknown reference get the very same answer. Once the details match, the reference is kept in the
 * session (whose id is changed), so the actions need not carry the email or postcode.
 */
@Controller
class CustomerStatusPageController {

    static final String NOT_FOUND = "We could not find a complaint with those details. Check the reference number "
            + "and the email address or postcode you gave us when you complained.";
    static final String TOO_MANY_LOOKUPS = "We could not find a complaint with the details given from your "
            + "connection several times. Please try again in %d minutes, or phone us.";
    private static final String VERIFIED = CustomerStatusPageController.class.getName() + ".reference";
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}");

    private final ComplaintRegister register;
    private final ComplaintIntake intake;
    private final RuntimeService runtime;
    private final PublicComplaintPageNextSteps dates;
    private final LandlordProperties landlords;
    private final StatusLookupLimiter lookups;

    CustomerStatusPageController(ComplaintRegister register, ComplaintIntake intake, RuntimeService runtime,
                                 PublicComplaintPageNextSteps dates, LandlordProperties landlords,
                                 StatusLookupLimiter lookups) {
        this.lookups = lookups;
        this.register = register;
        this.intake = intake;
        this.runtime = runtime;
        this.dates = dates;
        this.landlords = landlords;
    }

    @InitBinder("lookup")
    void lookupFields(WebDataBinder binder) {
        binder.setAllowedFields("reference", "contact");
    }

    @InitBinder("escalation")
    void escalationFields(WebDataBinder binder) {
        binder.setAllowedFields("reason", "desiredOutcome");
    }

    @ModelAttribute("landlordName")
    String landlordName() {
        return landlords.get(landlords.landlord()).name();
    }

    @GetMapping("/complaint/status")
    String lookupForm(Model model) {
        model.addAttribute("lookup", new CustomerStatusPageLookupForm());
        return "public/status-lookup";
    }

    @PostMapping("/complaint/status")
    String lookup(@Valid @ModelAttribute("lookup") CustomerStatusPageLookupForm form, BindingResult errors,
                  HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return "public/status-lookup";
        }
        OptionalLong retryAfter = lookups.tryLookUp(request.getRemoteAddr());
        if (retryAfter.isPresent()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
            errors.reject("busy", TOO_MANY_LOOKUPS.formatted((retryAfter.getAsLong() + 59) / 60));
            return "public/status-lookup";
        }
        String reference = form.getReference().strip().toUpperCase(Locale.ROOT);
        Complaint complaint;
        try {
            complaint = register.find(reference);
        } catch (ComplaintNotFoundException e) {
            complaint = null;
        }
        if (complaint == null || !matches(complaint, form.getContact())) {
            errors.reject("notFound", NOT_FOUND);
            return "public/status-lookup";
        }
        lookups.found(request.getRemoteAddr());
        request.getSession().setAttribute(VERIFIED, complaint.getReference());
        request.changeSessionId();
        return "redirect:/complaint/status/complaint";
    }

    @GetMapping("/complaint/status/complaint")
    String status(HttpSession session, Model model) {
        String reference = (String) session.getAttribute(VERIFIED);
        if (reference == null) {
            return "redirect:/complaint/status";
        }
        Complaint complaint = register.find(reference);
        boolean open = complaint.getStatus() == ComplaintStatus.OPEN;
        boolean canEscalate = open && complaint.getStage() == Stage.STAGE_1 && waitsFor(reference, CustomerMessage.ESCALATE);
        model.addAttribute("reference", complaint.getReference());
        model.addAttribute("stage", stageName(complaint));
        model.addAttribute("stageKey", open ? complaint.getStage().name() : complaint.getStatus().name());
        model.addAttribute("canEscalate", canEscalate);
        model.addAttribute("canRequestIcp", open && waitsFor(reference, CustomerMessage.REQUEST_ICP));
        model.addAttribute("canWithdraw", open && waitsFor(reference, CustomerMessage.WITHDRAW));
        addNextDeadline(model, complaint, canEscalate);
        if (!model.containsAttribute("escalation")) {
            model.addAttribute("escalation", new CustomerStatusPageEscalationForm());
        }
        return "public/status";
    }

    @PostMapping("/complaint/status/escalate")
    String escalate(@Valid @ModelAttribute("escalation") CustomerStatusPageEscalationForm form, BindingResult errors,
                    HttpSession session, Model model, RedirectAttributes redirect) {
        String reference = (String) session.getAttribute(VERIFIED);
        if (reference == null) {
            return "redirect:/complaint/status";
        }
        if (errors.hasErrors()) {
            return status(session, model);
        }
        return act(redirect, CustomerMessage.ESCALATE, () -> intake.escalate(reference,
                        new EscalationRequest(form.getReason() == null || form.getReason().isBlank() ? null
                                : form.getReason().strip(), form.getDesiredOutcome().strip())),
                "We have your request for a Stage 2 review. We will write to you to acknowledge it.");
    }

    @PostMapping("/complaint/status/independent-panel")
    String requestPanel(HttpSession session, RedirectAttributes redirect) {
        String reference = (String) session.getAttribute(VERIFIED);
        if (reference == null) {
            return "redirect:/complaint/status";
        }
        return act(redirect, CustomerMessage.REQUEST_ICP, () -> intake.send(reference, CustomerMessage.REQUEST_ICP),
                "We have your request for the Independent Complaints Panel. We will write to you about it.");
    }

    @PostMapping("/complaint/status/withdraw")
    String withdraw(@RequestParam(name = "confirm", required = false) String confirm, HttpSession session,
                    RedirectAttributes redirect) {
        String reference = (String) session.getAttribute(VERIFIED);
        if (reference == null) {
            return "redirect:/complaint/status";
        }
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("withdrawError", "Tick the box to confirm you want to withdraw your complaint");
            return "redirect:/complaint/status/complaint";
        }
        return act(redirect, CustomerMessage.WITHDRAW, () -> intake.send(reference, CustomerMessage.WITHDRAW),
                "Your complaint has been withdrawn. We will write to you to confirm this.");
    }

    /** Forgets the complaint in this browser (for a shared computer). */
    @PostMapping("/complaint/status/sign-out")
    String signOut(HttpSession session) {
        session.removeAttribute(VERIFIED);
        return "redirect:/complaint/status";
    }

    private String act(RedirectAttributes redirect, CustomerMessage message, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (EscalationRefusedException e) {
            redirect.addFlashAttribute("problem", (e.refusal().isLateRequest()
                    ? "The time to ask for a Stage 2 review has ended, so we cannot take your complaint to Stage 2."
                    : "We have decided not to take your complaint to Stage 2.")
                    + " We have written to you to explain why. You can take your complaint to the Ombudsman now.");
        } catch (StepNotOpenException e) {
            redirect.addFlashAttribute("problem", switch (message) {
                case ESCALATE -> "Your complaint cannot go to Stage 2 at the moment.";
                case REQUEST_ICP -> "Your complaint cannot go to the Independent Complaints Panel at the moment.";
                case WITHDRAW -> "Your complaint cannot be withdrawn at the moment: it may already be closed.";
                default -> "We could not do that at the moment.";
            } + " Contact us if you need help.");
        }
        return "redirect:/complaint/status/complaint";
    }

    /** The email (the customer's, or the representative's once the customer consented) or the postcode. */
    static boolean matches(Complaint complaint, String given) {
        String value = given.strip();
        if (value.contains("@")) {
            return sameEmail(complaint.getCustomer().getEmail(), value)
                    || (Boolean.TRUE.equals(complaint.getConsentGiven()) && complaint.hasRepresentative()
                            && sameEmail(complaint.getRepresentative().getEmail(), value));
        }
        String postcode = lastPostcode(complaint.getCustomer().getAddress());
        return postcode != null && postcode.equals(compact(value));
    }

    private static boolean sameEmail(String stored, String given) {
        return stored != null && !stored.isBlank() && stored.strip().equalsIgnoreCase(given);
    }

    private static String lastPostcode(String address) {
        if (address == null) {
            return null;
        }
        Matcher matcher = POSTCODE.matcher(address.toUpperCase(Locale.ROOT));
        String last = null;
        while (matcher.find()) {
            last = compact(matcher.group());
        }
        return last;
    }

    private static String compact(String value) {
        return value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    private boolean waitsFor(String reference, CustomerMessage message) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(message.messageName()).count() > 0;
    }

    private static String stageName(Complaint complaint) {
        if (complaint.getStatus() == ComplaintStatus.WITHDRAWN) {
            return "Withdrawn";
        }
        if (complaint.getStatus() == ComplaintStatus.CLOSED) {
            return "Closed";
        }
        return switch (complaint.getStage()) {
            case INTAKE -> "Received: we are checking your complaint";
            case PUT_IT_RIGHT -> "Putting it right";
            case STAGE_1 -> "Stage 1: investigation";
            case STAGE_2 -> "Stage 2: review";
            case INDEPENDENT_COMPLAINTS_PANEL -> "Independent Complaints Panel";
            case DESIGNATED_PERSON -> "With a designated person";
            case OMBUDSMAN_WAIT -> "Final response given";
        };
    }

    private void addNextDeadline(Model model, Complaint c, boolean escalationWindowOpen) {
        if (c.getStatus() != ComplaintStatus.OPEN) {
            return;
        }
        var d = c.getDeadlines();
        String label;
        Instant due;
        switch (c.getStage()) {
            case INTAKE -> {
                label = "We will acknowledge your complaint by";
                due = d.get(DeadlineType.ACKNOWLEDGEMENT);
            }
            case PUT_IT_RIGHT -> {
                label = "We aim to put things right by";
                due = d.get(DeadlineType.INFORMAL_RESOLUTION);
            }
            case STAGE_1 -> {
                if (escalationWindowOpen && d.get(DeadlineType.ESCALATION_WINDOW) != null) {
                    label = "You can ask for a Stage 2 review until";
                    due = d.get(DeadlineType.ESCALATION_WINDOW);
                } else {
                    label = "We will reply to your Stage 1 complaint by";
                    due = d.get(DeadlineType.STAGE_1_RESPONSE);
                }
            }
            case STAGE_2 -> {
                if (c.getStage2AcknowledgedAt() == null && d.get(DeadlineType.STAGE_2_ACKNOWLEDGEMENT) != null) {
                    label = "We will acknowledge your Stage 2 request by";
                    due = d.get(DeadlineType.STAGE_2_ACKNOWLEDGEMENT);
                } else {
                    label = "We will send our final response by";
                    due = d.get(DeadlineType.STAGE_2_RESPONSE);
                }
            }
            case OMBUDSMAN_WAIT -> {
                // the Ombudsman is open now (Scheme of 1 October 2022); only the optional routes have an end
                model.addAttribute("ombudsmanNow", true);
                label = "A designated person or our Independent Complaints Panel, if you want them, until";
                due = d.get(DeadlineType.OMBUDSMAN_ELIGIBLE);
            }
            default -> {
                label = null;
                due = null;
            }
        }
        model.addAttribute("deadlineLabel", label);
        model.addAttribute("deadline", dates.date(due));
    }
}
