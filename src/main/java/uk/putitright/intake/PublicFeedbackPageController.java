package uk.putitright.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.feedback.Feedback;
import uk.putitright.feedback.FeedbackKind;

/**
 * The public page for compliments and comments: anyone, without logging in, thanks a member of staff or tells
 * us what they think. Server-rendered and usable without JavaScript, like {@link PublicComplaintPageController}:
 * errors are shown beside each field and nothing is stored until every field is right; after storing, the
 * person is redirected (post/redirect/get) to a thank-you page with the reference.
 */
@Controller
class PublicFeedbackPageController {

    /** The form's fields, as the request's validation and {@link FeedbackIntake} name them. */
    private static final Map<String, String> REQUEST_FIELDS = Map.of(
            "kind", "kind", "name", "name", "email", "email", "address", "address",
            "preferredContact", "preferredContact", "staffMember", "staffMember", "team", "team", "text", "text");

    private final FeedbackIntake intake;
    private final SubmissionRateLimiter limiter;
    private final LandlordProperties landlords;
    private final Validator validator;

    PublicFeedbackPageController(FeedbackIntake intake, SubmissionRateLimiter limiter, LandlordProperties landlords,
                                 Validator validator) {
        this.intake = intake;
        this.limiter = limiter;
        this.landlords = landlords;
        this.validator = validator;
    }

    /** Only the form's own fields are bound; anything else a client posts is ignored. */
    @InitBinder("feedback")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("kind", "name", "email", "address", "preferredContact", "staffMember", "team", "text");
    }

    @ModelAttribute("landlordName")
    String landlordName() {
        return landlords.get(landlords.landlord()).name();
    }

    @GetMapping("/complaint/feedback")
    String form(Model model) {
        model.addAttribute("feedback", new PublicFeedbackPageForm());
        return "public/feedback";
    }

    @PostMapping("/complaint/feedback")
    String submit(@Valid @ModelAttribute("feedback") PublicFeedbackPageForm form, BindingResult errors,
                  RedirectAttributes redirect, Model model, HttpServletRequest http, HttpServletResponse response) {
        checkContactDetails(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("formHasErrors", true);
            return "public/feedback";
        }
        NewFeedbackRequest request = request(form);
        // the same rules as the API; the form's own rules are stricter, so this is a backstop
        for (ConstraintViolation<NewFeedbackRequest> violation : validator.validate(request)) {
            reject(errors, violation.getPropertyPath().toString(), violation.getMessage());
        }
        Feedback feedback = null;
        if (!errors.hasErrors()) {
            // the same per-address allowance as complaints
            OptionalLong retryAfter = limiter.tryAcquire(http.getRemoteAddr());
            if (retryAfter.isPresent()) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
                errors.reject("busy", "We have received several forms from your connection in the last "
                        + "minute. Please try again in a minute, or phone us.");
            } else {
                try {
                    feedback = intake.receive(request);
                } catch (InvalidFieldException e) {
                    limiter.refund(http.getRemoteAddr());
                    reject(errors, e.field(), e.getMessage());
                } catch (RuntimeException e) {
                    limiter.refund(http.getRemoteAddr());
                    throw e;
                }
            }
        }
        if (feedback == null) {
            model.addAttribute("formHasErrors", true);
            return "public/feedback";
        }
        redirect.addFlashAttribute("reference", feedback.getReference());
        redirect.addFlashAttribute("compliment", feedback.getKind() == FeedbackKind.COMPLIMENT);
        return "redirect:/complaint/feedback/received";
    }

    /** Shown once, after the redirect; a bookmark or refresh goes back to an empty form. */
    @GetMapping("/complaint/feedback/received")
    String received(Model model) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/complaint/feedback";
        }
        return "public/feedback-received";
    }

    private static void checkContactDetails(PublicFeedbackPageForm form, BindingResult errors) {
        String preferred = form.getPreferredContact();
        if ("EMAIL".equals(preferred) && blank(form.getEmail()) && !errors.hasFieldErrors("email")) {
            errors.rejectValue("email", "required", "Enter an email address, as you chose to be contacted by email");
        }
        if ("POST".equals(preferred) && blank(form.getAddress()) && !errors.hasFieldErrors("address")) {
            errors.rejectValue("address", "required", "Enter an address, as you chose to be contacted by post");
        }
        if (blank(form.getEmail()) && blank(form.getAddress())
                && !errors.hasFieldErrors("email") && !errors.hasFieldErrors("address")) {
            errors.rejectValue("email", "required", "Enter an email address or a postal address, so we can write to thank you");
        }
    }

    private static NewFeedbackRequest request(PublicFeedbackPageForm form) {
        boolean compliment = form.compliment();
        return new NewFeedbackRequest(FeedbackKind.valueOf(form.getKind()), form.getName().strip(),
                IntakeText.strippedOrNull(form.getEmail()), IntakeText.strippedOrNull(form.getAddress()),
                ContactMethod.valueOf(form.getPreferredContact()),
                compliment ? IntakeText.strippedOrNull(form.getStaffMember()) : null,
                compliment ? form.teamId() : null, form.getText().strip());
    }

    private static void reject(BindingResult errors, String requestField, String message) {
        String field = REQUEST_FIELDS.get(requestField);
        if (field == null) {
            errors.reject("invalid", "We could not take your feedback: " + message);
        } else if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "invalid", "Check this answer: it " + message);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
