package uk.putitright.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.complaint.LandlordProperties;

/**
 * The public complaint page: anyone, without logging in, makes a complaint for themselves or on someone's
 * behalf. Server-rendered and usable without JavaScript; errors are shown beside each field and nothing is
 * stored until every field is right (the page answers 200 with the messages, as GOV.UK forms do). After logging, the customer is redirected (post/redirect/get) to a page
 * with the reference and what happens next, with the real dates.
 */
@Controller
class PublicComplaintPageController {

    /** The form's fields, as the process's validation names them. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of(
            "customer.name", "name", "customer.email", "email", "customer.phone", "phone",
            "customer.address", "address", "representative.name", "representativeName",
            "representative.email", "representativeEmail", "representative.phone", "representativePhone",
            "summary", "summary", "desiredOutcome", "desiredOutcome");

    private final ComplaintSubmissions submissions;
    private final ComplaintRegister register;
    private final PublicComplaintPageNextSteps nextSteps;
    private final LandlordProperties landlords;
    private final Validator validator;

    PublicComplaintPageController(ComplaintSubmissions submissions, ComplaintRegister register,
                                  PublicComplaintPageNextSteps nextSteps, LandlordProperties landlords,
                                  Validator validator) {
        this.submissions = submissions;
        this.register = register;
        this.nextSteps = nextSteps;
        this.landlords = landlords;
        this.validator = validator;
    }

    /** Only the form's own fields are bound; anything else a client posts is ignored. */
    @InitBinder("complaint")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("who", "name", "email", "phone", "address", "postcode", "preferredContact",
                "representativeName", "representativeEmail", "representativePhone", "summary", "desiredOutcome");
    }

    @ModelAttribute("landlordName")
    String landlordName() {
        return landlords.get(landlords.landlord()).name();
    }

    @GetMapping("/complaint")
    String form(Model model) {
        model.addAttribute("complaint", new PublicComplaintPageForm());
        return "public/complaint";
    }

    @PostMapping("/complaint")
    String submit(@Valid @ModelAttribute("complaint") PublicComplaintPageForm form, BindingResult errors,
                  RedirectAttributes redirect, Model model, HttpServletRequest http, HttpServletResponse response) {
        checkContactDetails(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("formHasErrors", true);
            return "public/complaint";
        }
        NewComplaintRequest request = request(form);
        // the same rules as the API (field sizes, formats); the form's own rules are stricter, so this is a backstop
        for (ConstraintViolation<NewComplaintRequest> violation : validator.validate(request)) {
            reject(errors, violation.getPropertyPath().toString(), violation.getMessage());
        }
        Complaint complaint = null;
        if (!errors.hasErrors()) {
            try {
                // as the API: a double click or resubmission gives the first complaint, and the per-address limit applies
                complaint = register.find(submissions.submit(request, null, http.getRemoteAddr()).reference());
            } catch (InvalidFieldException e) {
                reject(errors, e.field(), e.getMessage());
            } catch (TooManySubmissionsException e) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                errors.reject("busy", "We have received several complaints from your connection in the last "
                        + "minute. Please try again in a minute, or phone us.");
            }
        }
        if (complaint == null) {
            model.addAttribute("formHasErrors", true);
            return "public/complaint";
        }
        redirect.addFlashAttribute("reference", complaint.getReference());
        redirect.addFlashAttribute("received", nextSteps.date(complaint.getReceivedAt()));
        redirect.addFlashAttribute("steps", nextSteps.of(complaint, form.onBehalf()));
        redirect.addFlashAttribute("contactEmail", nextSteps.landlord(complaint).email());
        redirect.addFlashAttribute("contactPhone", nextSteps.landlord(complaint).phone());
        return "redirect:/complaint/received";
    }

    /** Shown once, after the redirect; a bookmark or refresh goes back to an empty form. */
    @GetMapping("/complaint/received")
    String received(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/complaint";
        }
        return "public/received";
    }

    /** Spring Security forwards here (403) when a form arrives without a valid form token. */
    @RequestMapping("/complaint/expired")
    String expired(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "public/expired";
    }

    private static void checkContactDetails(PublicComplaintPageForm form, BindingResult errors) {
        String preferred = form.getPreferredContact();
        if ("EMAIL".equals(preferred) && blank(form.getEmail()) && !errors.hasFieldErrors("email")) {
            errors.rejectValue("email", "required", "Enter an email address, as you chose to be contacted by email");
        }
        if ("PHONE".equals(preferred) && blank(form.getPhone()) && !errors.hasFieldErrors("phone")) {
            errors.rejectValue("phone", "required", "Enter a phone number, as you chose to be contacted by phone");
        }
        if ("POST".equals(preferred)) {
            if (blank(form.getAddress()) && !errors.hasFieldErrors("address")) {
                errors.rejectValue("address", "required", "Enter an address, as you chose to be contacted by post");
            }
            if (blank(form.getPostcode()) && !errors.hasFieldErrors("postcode")) {
                errors.rejectValue("postcode", "required", "Enter a postcode, as you chose to be contacted by post");
            }
        }
        if (form.onBehalf()) {
            if (blank(form.getRepresentativeName()) && !errors.hasFieldErrors("representativeName")) {
                errors.rejectValue("representativeName", "required",
                        "Enter your name, as you are complaining on someone’s behalf");
            }
            if (blank(form.getRepresentativeEmail()) && blank(form.getRepresentativePhone())
                    && !errors.hasFieldErrors("representativeEmail") && !errors.hasFieldErrors("representativePhone")) {
                errors.rejectValue("representativeEmail", "required",
                        "Enter your email address or phone number, so we can contact you");
            }
        }
    }

    private static NewComplaintRequest request(PublicComplaintPageForm form) {
        var customer = new NewComplaintRequest.Customer(form.getName().strip(),
                IntakeText.strippedOrNull(form.getEmail()),
                IntakeText.strippedOrNull(form.getPhone()), form.storedAddress(),
                ContactMethod.valueOf(form.getPreferredContact()));
        var representative = form.onBehalf() ? new NewComplaintRequest.Representative(
                form.getRepresentativeName().strip(), IntakeText.strippedOrNull(form.getRepresentativeEmail()),
                IntakeText.strippedOrNull(form.getRepresentativePhone()), null) : null;
        return new NewComplaintRequest(null, null, null, Channel.ONLINE_FORM, null, customer, representative,
                form.getSummary().strip(), IntakeText.strippedOrNull(form.getDesiredOutcome()));
    }

    private static void reject(BindingResult errors, String requestField, String message) {
        String field = REQUEST_FIELDS.get(requestField);
        if (field == null) {
            errors.reject("invalid", "We could not take your complaint: " + message);
        } else if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "invalid", "Check this answer: it " + message);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
