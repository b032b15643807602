package uk.putitright.letters;

import com.openhtmltopdf.util.XRLog;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.EscalationRefusal;
import uk.putitright.complaint.EscalationRefusalRepository;
import uk.putitright.complaint.Extension;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.complaint.Stage;
import uk.putitright.feedback.Feedback;
import uk.putitright.policy.ComplaintPolicy;
import uk.putitright.security.StaffNames;

/**
 * Renders a letter from its Thymeleaf template in {@code templates/letters/} (one per {@link LetterType}, all
 * sharing {@code layout.html}) to an A4 PDF and to plain text. What the letter says comes from the complaint,
 * the landlord's configuration, the latest note staff wrote for each form field, the complaint's deadlines and
 * the complaint policy (DMN). Dates are written UK style, e.g. "Tuesday 29 December 2026".
 *
 * <p>Some deadlines a letter announces are only scheduled by the process step after the letter (the
 * escalation window after a response, the Ombudsman date after the final response, a response deadline whose
 * clock starts at the acknowledgement). Those are worked out here the way the process works them out, from
 * the moment the letter is written.
 */
@Service
public class LetterRenderer {

    /** UK style, e.g. "Tuesday 29 December 2026". */

    /** The outcome notes the free-text listener (tasklist.FreeTextListener) keeps next to the free text. */
    static final List<String> OUTCOME_FIELDS = List.of("stage1Outcome", "stage2Outcome", "icpOutcome");

    /** Every note field a template may read; absent ones are null in the model. */
    static final List<String> NOTE_FIELDS = List.of(
            "consentNote", "acknowledgementNote", "putItRightAction", "informationRequested",
            "stage1Findings", "stage1Remedy", "stage1OutstandingActions",
            "stage2Reason", "stage2DesiredOutcome", "stage2ContactNote",
            "stage2Findings", "stage2Remedy", "stage2OutstandingActions",
            "icpReferralNote", "icpRecommendations", "designatedPersonName", "complimentFor",
            "stage1Outcome", "stage2Outcome", "icpOutcome");

    /**
     * Landlords whose procedure asks, when acknowledging a Stage 2 request, why the customer is unhappy and
     * what outcome they want (seed 001: "it would help us if you were able to tell us why..."; seed 004: "We
     * will ask you to clarify why..."). A policy output {@code stage2AskReasons}, when the DMN has one, wins.
     */
    private static final Set<String> ASK_STAGE_2_REASONS = Set.of("housing-plus", "emh");

    /** Seed 004's online survey; other landlords may configure putitright.landlords.&lt;id&gt;.survey-url. */
    private static final Map<String, String> SURVEY_URLS = Map.of("emh", "https://www.surveymonkey.co.uk/r/6FP7P7E");

    private static final Map<Stage, String> STAGE_NAMES = Map.of(
            Stage.INTAKE, "New complaint", Stage.PUT_IT_RIGHT, "Put it right (informal stage)",
            Stage.STAGE_1, "Stage 1", Stage.STAGE_2, "Stage 2",
            Stage.INDEPENDENT_COMPLAINTS_PANEL, "Independent Complaints Panel",
            Stage.DESIGNATED_PERSON, "Designated person", Stage.OMBUDSMAN_WAIT, "Final response given");

    private static final Map<String, String> OUTCOMES = Map.of(
            "UPHELD", "upheld", "PARTLY_UPHELD", "partly upheld", "NOT_UPHELD", "not upheld",
            "MEDIATED", "resolved by mediation");

    static {
        // openhtmltopdf logs every render at INFO to its own console handler
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final ITemplateEngine templates;
    private final LandlordProperties landlords;
    private final ComplaintNoteRepository notes;
    private final EscalationRefusalRepository refusals;
    private final StaffNames staffNames;
    private final ComplaintPolicy policies;
    private final WorkingDays workingDays;
    private final Environment environment;
    private final Map<String, Optional<String>> surveyUrls = new ConcurrentHashMap<>();
    private final ZoneId zone;

    public LetterRenderer(ITemplateEngine templates, LandlordProperties landlords, ComplaintNoteRepository notes,
                          EscalationRefusalRepository refusals, StaffNames staffNames, ComplaintPolicy policies,
                          WorkingDays workingDays, Environment environment) {
        this.templates = templates;
        this.landlords = landlords;
        this.notes = notes;
        this.refusals = refusals;
        this.staffNames = staffNames;
        this.policies = policies;
        this.workingDays = workingDays;
        this.environment = environment;
        this.zone = workingDays.zone();
    }

    public RenderedLetter render(Complaint complaint, LetterType type, Recipient recipient, Instant writtenAt) {
        String xhtml = templates.process(templateOf(type), new Context(Locale.UK, model(complaint, type, recipient,
                writtenAt)));
        return new RenderedLetter(PlainText.of(parse(xhtml, type)), xhtml);
    }

    /**
     * The thank-you for a compliment or comment (COMPLIMENT_THANKS or COMMENT_THANKS). The same templates as
     * a complaint's letters, with the model they read: the feedback's text as the summary, the staff member
     * named as the complimentFor note; no case handler, deadlines or policy.
     */
    public RenderedLetter renderFeedbackThanks(Feedback feedback, LetterType type, Recipient recipient,
                                               Instant writtenAt) {
        Map<String, Object> m = new HashMap<>();
        m.put("type", type.name());
        m.put("feedback", true);
        m.put("landlord", landlord(feedback.getLandlord()));
        m.put("reference", feedback.getReference());
        m.put("writtenOn", date(writtenAt));
        m.put("recipient", recipient(null, recipient));
        m.put("customerName", feedback.getPersonName());
        m.put("summary", feedback.getText());
        m.put("receivedOn", date(feedback.getReceivedAt()));
        Map<String, String> text = new LinkedHashMap<>();
        NOTE_FIELDS.forEach(field -> text.put(field, null));
        text.put("complimentFor", blankToNull(feedback.getStaffMember()));
        m.put("notes", text);
        String xhtml = templates.process(templateOf(type), new Context(Locale.UK, m));
        return new RenderedLetter(PlainText.of(parse(xhtml, type)), xhtml);
    }

    /** e.g. letters/stage-1-response for STAGE_1_RESPONSE. */
    static String templateOf(LetterType type) {
        return "letters/" + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    Map<String, Object> model(Complaint c, LetterType type, Recipient recipient, Instant writtenAt) {
        Map<String, Object> policy = policies.of(c);
        Map<String, Object> m = new HashMap<>();
        m.put("type", type.name());
        m.put("landlord", landlord(c.getLandlord()));
        m.put("reference", c.getReference());
        m.put("writtenOn", date(writtenAt));
        m.put("recipient", recipient(c, recipient));
        m.put("customerName", c.getCustomer().getName());
        m.put("representativeName", c.hasRepresentative() ? c.getRepresentative().getName() : null);
        m.put("caseHandler", staffNames.of(c.getCaseHandler()));
        m.put("summary", c.getSummary());
        m.put("desiredOutcome", blankToNull(c.getDesiredOutcome()));
        m.put("receivedOn", date(c.getReceivedAt()));
        m.put("stage", STAGE_NAMES.get(c.getStage()));

        Map<String, String> text = notes(c);
        // what the customer said when asking for Stage 2 is on the complaint until staff note it down
        if (text.get("stage2Reason") == null) {
            text.put("stage2Reason", blankToNull(c.getStage2Reason()));
        }
        if (text.get("stage2DesiredOutcome") == null) {
            text.put("stage2DesiredOutcome", blankToNull(c.getStage2DesiredOutcome()));
        }
        m.put("notes", text);
        Map<String, String> outcomes = new HashMap<>();
        for (String field : OUTCOME_FIELDS) {
            outcomes.put(field, text.get(field) == null ? null : OUTCOMES.getOrDefault(text.get(field),
                    text.get(field).toLowerCase(Locale.UK).replace('_', ' ')));
        }
        m.put("outcomes", outcomes);

        Map<String, String> dates = new HashMap<>();
        for (DeadlineType deadline : DeadlineType.values()) {
            dates.put(deadline.variable(), date(c.getDeadlines().get(deadline)));
        }
        m.put("dates", dates);
        m.put("stage1ResponseBy", date(stage1ResponseBy(c, policy, writtenAt)));
        m.put("stage2ResponseBy", date(stage2ResponseBy(c, policy, writtenAt)));
        Instant escalationBy = workingDays.add(writtenAt, intOf(policy, "escalationWindowWorkingDays", 20));
        m.put("escalationBy", date(escalationBy));
        // the Ombudsman is open to the tenant now; this is only how long the optional routes stay offered
        m.put("optionalRoutesUntil", date(intOf(policy, "ombudsmanWaitWeeks", 0) > 0
                ? optionalRoutesUntil(c, type, policy, writtenAt) : escalationBy));
        // only the extension notice tells of an extension; the others need not load them
        m.put("extension", type == LetterType.EXTENSION_NOTICE ? extension(c) : null);
        m.put("stage2RequestedOn", date(c.getStage2RequestedAt()));
        m.put("refusal", type == LetterType.ESCALATION_REFUSAL ? refusal(c) : null);

        m.put("policy", policy);
        m.put("ombudsman", OmbudsmanDirectory.forPolicy(policy.get("ombudsman")));
        m.put("ombudsmanWaitWeeks", intOf(policy, "ombudsmanWaitWeeks", 0));
        m.put("ombudsmanAnyTime", Boolean.TRUE.equals(policy.get("ombudsmanAnyTime")));
        m.put("icpAvailable", Boolean.TRUE.equals(policy.get("icpAvailable")));
        m.put("designatedPersonRoute", Boolean.TRUE.equals(policy.get("designatedPersonRoute")));
        m.put("informalStage", Boolean.TRUE.equals(policy.get("informalStage")));
        m.put("signOffRequired", Boolean.TRUE.equals(policy.get("stage2SignOffRequired")));
        m.put("askStage2Reasons", policy.containsKey("stage2AskReasons")
                ? Boolean.TRUE.equals(policy.get("stage2AskReasons")) : ASK_STAGE_2_REASONS.contains(c.getLandlord()));
        m.put("surveyUrl", surveyUrl(c.getLandlord()));
        return m;
    }

    private Map<String, Object> landlord(String id) {
        LandlordProperties.Landlord landlord = landlords.get(id);
        Map<String, Object> m = new HashMap<>();
        m.put("name", landlord.name());
        // the letterhead shows the name once, so an address line repeating it is left out
        m.put("addressLines", lines(landlord.address()).stream()
                .filter(line -> !line.equalsIgnoreCase(landlord.name())).toList());
        m.put("phone", blankToNull(landlord.phone()));
        m.put("email", blankToNull(landlord.email()));
        m.put("website", blankToNull(landlord.website()));
        return m;
    }

    private static Map<String, Object> recipient(Complaint c, Recipient to) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", to.name());
        m.put("addressLines", lines(to.postalAddress()));
        m.put("email", blankToNull(to.email()));
        m.put("byEmail", to.method() == uk.putitright.complaint.ContactMethod.EMAIL);
        m.put("copy", to.copyForRepresentative());
        return m;
    }

    /** The latest note per field, every field present (null when never written). */
    private Map<String, String> notes(Complaint c) {
        Map<String, String> latest = new LinkedHashMap<>();
        NOTE_FIELDS.forEach(field -> latest.put(field, null));
        if (c.getId() == null) {
            return latest;
        }
        for (ComplaintNote note : notes.findByComplaintIdOrderByRecordedAtAscIdAsc(c.getId())) {
            latest.put(note.getField(), blankToNull(note.getBody()));
        }
        return latest;
    }

    /** "Sam Jones" for staff with a name in Camunda, else their user id. */
    /** The deadline set, else what the process will set when the clock starts at this acknowledgement. */
    private Instant stage1ResponseBy(Complaint c, Map<String, Object> policy, Instant writtenAt) {
        Instant set = c.getDeadlines().get(DeadlineType.STAGE_1_RESPONSE);
        if (set != null) {
            return set;
        }
        int days = intOf(policy, "stage1ResponseWorkingDays", 10);
        return switch (String.valueOf(policy.get("stage1ClockStart"))) {
            case "RECEIVED" -> workingDays.add(c.getReceivedAt(), days);
            case "ACKNOWLEDGED" -> workingDays.add(c.getAcknowledgedAt() == null ? writtenAt : c.getAcknowledgedAt(), days);
            // starts when the formal complaint starts, e.g. after put it right
            default -> c.getStage1StartedAt() == null ? null : workingDays.add(c.getStage1StartedAt(), days);
        };
    }

    private Instant stage2ResponseBy(Complaint c, Map<String, Object> policy, Instant writtenAt) {
        Instant set = c.getDeadlines().get(DeadlineType.STAGE_2_RESPONSE);
        if (set != null) {
            return set;
        }
        if (c.getStage2RequestedAt() == null && c.getStage() != Stage.STAGE_2) {
            return null;
        }
        int days = intOf(policy, "stage2ResponseWorkingDays", 20);
        return switch (String.valueOf(policy.get("stage2ClockStart"))) {
            case "ESCALATION_REQUESTED" -> workingDays.add(c.getStage2RequestedAt() == null ? writtenAt
                    : c.getStage2RequestedAt(), days);
            default -> workingDays.add(c.getStage2AcknowledgedAt() == null ? writtenAt : c.getStage2AcknowledgedAt(),
                    days);
        };
    }

    /**
     * The end of the window after the final response in which the designated person and the Independent Complaints
     * Panel stay offered (the ombudsman-wait process); this letter may be that final response.
     */
    private Instant optionalRoutesUntil(Complaint c, LetterType type, Map<String, Object> policy, Instant writtenAt) {
        Instant set = c.getDeadlines().get(DeadlineType.OMBUDSMAN_ELIGIBLE);
        if (set != null && type != LetterType.STAGE_2_FINAL_RESPONSE) {
            return set;
        }
        Instant finalResponse = type == LetterType.STAGE_2_FINAL_RESPONSE || c.getFinalResponseAt() == null
                ? writtenAt : c.getFinalResponseAt();
        return finalResponse.atZone(zone).plusWeeks(intOf(policy, "ombudsmanWaitWeeks", 0)).toInstant();
    }

    /** The refusal the letter explains: the reason as recorded, and for a late request when the window closed. */
    private Map<String, Object> refusal(Complaint c) {
        EscalationRefusal refusal = c.getId() == null ? null : refusals.findByComplaintId(c.getId()).orElse(null);
        Map<String, Object> m = new HashMap<>();
        m.put("reason", refusal == null ? null : refusal.getReason());
        m.put("lateRequest", refusal != null && refusal.isLateRequest());
        m.put("windowClosedOn", date(c.getDeadlines().get(DeadlineType.ESCALATION_WINDOW)));
        return m;
    }

    private Map<String, Object> extension(Complaint c) {
        List<Extension> all = c.getExtensions();
        if (all.isEmpty()) {
            return null;
        }
        Extension latest = all.get(all.size() - 1);
        Map<String, Object> m = new HashMap<>();
        m.put("stage", STAGE_NAMES.get(latest.getStage()));
        m.put("reason", latest.getReason());
        m.put("previousDate", date(latest.getPreviousDueAt()));
        m.put("newDate", date(latest.getNewDueAt()));
        return m;
    }

    /** Configuration, read once per landlord: looking a property up walks every property source. */
    private String surveyUrl(String landlord) {
        return surveyUrls.computeIfAbsent(landlord, id -> {
            String configured = environment.getProperty("putitright.landlords." + id + ".survey-url");
            return Optional.ofNullable(blankToNull(configured) != null ? configured : SURVEY_URLS.get(id));
        }).orElse(null);
    }

    private String date(Instant at) {
        return at == null ? null : workingDays.ukDate(at);
    }

    private static int intOf(Map<String, Object> policy, String name, int otherwise) {
        return policy.get(name) instanceof Number n ? n.intValue() : otherwise;
    }

    /** "a, b, c" or one line each; blank lines dropped. */
    static List<String> lines(String address) {
        if (address == null || address.isBlank()) {
            return List.of();
        }
        return Arrays.stream(address.split("\\s*(?:,|\\r?\\n)\\s*")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Document parse(String xhtml, LetterType type) {
        try {
            return XhtmlPdf.parse(xhtml);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Template " + templateOf(type) + " is " + e.getMessage(), e);
        }
    }

    /** The A4 PDF of a written letter's XHTML. */
    public static byte[] pdf(String xhtml) {
        return XhtmlPdf.render(xhtml, "classpath:/templates/letters/");
    }

    /**
     * The letter's PDF: as it was sent, or printed now from the written letter while it waits for delivery.
     * Delivery keeps the PDF it sends ({@code keep}), so what was sent never depends on a later template or
     * library change.
     */
    public static byte[] pdfOf(Letter letter, boolean keep) {
        if (letter.getPdf() != null) {
            return letter.getPdf();
        }
        if (letter.getXhtml() == null) {
            throw new IllegalStateException("Letter " + letter.getId() + " has no content (erased?)");
        }
        byte[] pdf = pdf(letter.getXhtml());
        if (keep) {
            letter.keepSentPdf(pdf);
        }
        return pdf;
    }

    /** The letter's text: one paragraph a block, list items marked, the letterhead and footer included. */
    static final class PlainText {

        private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "table", "tr", "td",
                "ul", "ol", "li", "address", "section", "header", "footer");

        private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "ul", "ol", "table");

        // compiled once: a letter has a few hundred text nodes
        private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
        private static final Pattern WHITESPACE = Pattern.compile("\\s+");
        private static final Pattern BLANKS_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\\n");
        private static final Pattern BLANKS_AFTER_NEWLINE = Pattern.compile("\\n[ \\t]+");
        private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

        private final StringBuilder out = new StringBuilder();

        /** Ends the current line, leaving {@code newlines} line breaks (2 = a blank line) unless at the start. */
        private void endLine(int newlines) {
            int end = out.length();
            while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
                end--;
            }
            out.setLength(end);
            if (out.isEmpty()) {
                return;
            }
            int trailing = 0;
            while (trailing < out.length() && out.charAt(out.length() - 1 - trailing) == '\n') {
                trailing++;
            }
            out.append("\n".repeat(Math.max(0, newlines - trailing)));
        }

        static String of(Document document) {
            PlainText text = new PlainText();
            Node body = document.getElementsByTagName("body").item(0);
            text.walk(body, false);
            String raw = BLANKS_AFTER_NEWLINE.matcher(BLANKS_BEFORE_NEWLINE.matcher(text.out).replaceAll("\n"))
                    .replaceAll("\n");
            return BLANK_LINES.matcher(raw).replaceAll("\n\n").strip() + "\n";
        }

        private void walk(Node node, boolean keepLines) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    String value = child.getNodeValue();
                    out.append((keepLines ? BLANKS : WHITESPACE).matcher(value).replaceAll(" "));
                } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                    Element element = (Element) child;
                    String tag = element.getTagName().toLowerCase(Locale.ROOT);
                    String classes = " " + element.getAttribute("class") + " ";
                    if (classes.contains(" no-text ") || tag.equals("style") || tag.equals("head")) {
                        continue;
                    }
                    if (tag.equals("br")) {
                        out.append('\n');
                        continue;
                    }
                    boolean block = BLOCKS.contains(tag);
                    boolean paragraph = PARAGRAPHS.contains(tag);
                    if (block) {
                        endLine(paragraph ? 2 : 1);
                    }
                    if (tag.equals("li")) {
                        out.append("- ");
                    }
                    walk(element, keepLines || classes.contains(" free-text "));
                    if (block) {
                        endLine(paragraph ? 2 : 1);
                    }
                }
            }
        }
    }
}
