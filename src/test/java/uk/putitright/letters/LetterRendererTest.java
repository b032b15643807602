package uk.putitright.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/**
 * Renders every letter type to PDF and reads the PDF's text back: reference, letterhead, UK-style deadline
 * dates, the decision and its reasons, the right ombudsman. Keeps each PDF, its text and (when pdftoppm is
 * installed) a PNG of its first page under target/letters/ for a visual check.
 */
@SpringBootTest
@ActiveProfiles("test")
class LetterRendererTest {

    private static final Logger log = LoggerFactory.getLogger(LetterRendererTest.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Path OUT = Path.of("target", "letters");

    /** Wednesday 23 December 2026, 11:00: the letters are written then. */
    private static final Instant WRITTEN_AT = london("2026-12-23T11:00");

    @Autowired private LetterRenderer renderer;
    @Autowired private ComplaintIntake intake;
    @Autowired private ComplaintRepository complaints;
    @Autowired private ComplaintNoteRepository notes;
    @Autowired private IdentityService identity;
    @Autowired private PlatformTransactionManager transactions;

    @BeforeAll
    static void outputFolder() throws IOException {
        Files.createDirectories(OUT);
    }

    @Test
    void everyLetterTypeRendersWithTheLandlordReferenceAndRealDeadlines() throws Exception {
        Complaint complaint = chorusComplaintAtStage2();
        Map<LetterType, String> texts = new EnumMap<>(LetterType.class);
        for (LetterType type : LetterType.values()) {
            RenderedLetter letter = renderer.render(complaint, type, customer(complaint), WRITTEN_AT);
            String name = type.name().toLowerCase().replace('_', '-');
            Files.write(OUT.resolve(name + ".pdf"), LetterRenderer.pdf(letter.xhtml()));
            Files.writeString(OUT.resolve(name + ".txt"), letter.text());
            String text = pdfText(LetterRenderer.pdf(letter.xhtml()));
            texts.put(type, text);

            assertThat(LetterRenderer.pdf(letter.xhtml())).as(type + " is a PDF").startsWith("%PDF".getBytes());
            assertThat(text).as(type.name())
                    .contains(complaint.getReference())
                    .contains("Chorus Homes Group")
                    .contains("Brook House", "Ouse Walk", "Huntingdon", "PE29 3QW")
                    .contains("0345 2669 760", "customerenquiry@chorushomesgroup.co.uk", "www.chorushomesgroup.co.uk")
                    .contains("Wednesday 23 December 2026")
                    .contains("Dear Alex Customer,")
                    .contains("2 Mill Lane", "PE29 1AB") // the recipient's postal address
                    .contains("Yours sincerely")
                    .doesNotContain("${", "th:", "null");
            assertThat(letter.text()).as(type + " plain text")
                    .contains(complaint.getReference(), "Chorus Homes Group", "Dear Alex Customer,")
                    .doesNotContain("<", "th:");
            preview(OUT.resolve(name + ".pdf"), OUT.resolve(name));
        }

        assertThat(texts.get(LetterType.ACKNOWLEDGEMENT))
                .contains("Your reference number: " + complaint.getReference())
                .contains("Your case handler is Sam Jones")
                .contains("by Tuesday 29 December 2026"); // the informal stage deadline, as set
        assertThat(texts.get(LetterType.PUT_IT_RIGHT_OUTCOME))
                .contains("Fitted a new thermostat on 18 December.")
                .contains("Please contact us by Monday 25 January 2027"); // 20 working days from the letter

        assertThat(texts.get(LetterType.STAGE_1_RESPONSE))
                .contains("Stage 1")
                .contains("The boiler has not been repaired after three visits.") // the complaint as understood
                .contains("The engineer did not bring the right part twice.") // findings
                .contains("We have partly upheld your complaint.") // the decision
                .contains("We will pay you £50 for the missed appointments.") // remedy
                .contains("Replace the boiler by Friday 15 January 2027.") // outstanding actions with dates
                .contains("review your complaint at Stage 2")
                .contains("Please contact us by Monday 25 January 2027") // escalation deadline
                .contains("Housing Ombudsman Service", "PO Box 152", "0300 111 3000");

        assertThat(texts.get(LetterType.EXTENSION_NOTICE))
                .contains("A specialist damp survey is booked for 5 January.") // the reason
                .contains("We had promised to respond by Monday 4 January 2027")
                .contains("by Monday 18 January 2027") // the new date, as the process set it
                .contains("Housing Ombudsman Service");

        assertThat(texts.get(LetterType.STAGE_2_ACKNOWLEDGEMENT))
                .contains("The boiler is still not fixed.", "A new boiler and compensation.")
                .contains("Tuesday 12 January 2027"); // the Stage 2 response deadline

        assertThat(texts.get(LetterType.STAGE_2_FINAL_RESPONSE))
                .contains("Stage 2", "final response")
                .contains("The boiler is still not fixed.") // why the customer asked for the review
                .contains("The boiler is beyond economic repair.")
                .contains("We have upheld your complaint.")
                .contains("We will replace the boiler and pay you £150.")
                .contains("New boiler fitted by Friday 29 January 2027.")
                .contains("You can refer your complaint to the Housing Ombudsman now")
                // the ICP stays offered for the eight weeks the ombudsman-wait process waits, as an option
                .contains("Independent Complaints Panel", "please contact us by Wednesday 17 February 2027")
                .contains("designated person", "This is optional")
                .doesNotContain("from Wednesday 17 February 2027", "weeks after")
                .contains("Housing Ombudsman Service", "PO Box 152", "Liverpool", "L33 7WQ", "0300 111 3000",
                        "info@housing-ombudsman.org.uk");

        assertThat(texts.get(LetterType.ICP_REFERRAL))
                .contains("Independent Complaints Panel", "Three failed repairs and a winter without heating.");
        assertThat(texts.get(LetterType.ICP_OUTCOME))
                .contains("The panel has resolved your complaint by mediation.")
                .contains("Chorus Homes to service the new boiler yearly.")
                .contains("Housing Ombudsman Service");
        assertThat(texts.get(LetterType.OMBUDSMAN_SIGNPOSTING))
                .contains("Housing Ombudsman Service", "PO Box 152", "0300 111 3000", "info@housing-ombudsman.org.uk")
                .contains("You can refer your complaint to the Housing Ombudsman now")
                .contains("Independent Complaints Panel by Wednesday 17 February 2027") // the window the process set
                .doesNotContain("from Wednesday 17 February 2027");
        assertThat(texts.get(LetterType.CONSENT_CONFIRMATION)).contains("Sam Advocate may act for you");
        assertThat(texts.get(LetterType.MORE_INFORMATION_REQUEST)).contains("Which rooms have no heating?");
        assertThat(texts.get(LetterType.COMPLIMENT_THANKS)).contains("Thank you for your compliment");
        assertThat(texts.get(LetterType.WITHDRAWAL_CONFIRMATION)).contains("withdrawn");
        assertThat(texts.get(LetterType.SATISFACTION_SURVEY_INVITATION)).contains("0345 2669 760");
    }

    @Test
    void eachBusinessLineIsSignpostedToItsOwnOmbudsman() throws Exception {
        String carePlus = signposting(housingPlus("care-plus"));
        assertThat(carePlus).contains("Local Government and Social Care Ombudsman", "PO Box 4771", "Coventry",
                "CV4 0EH", "0300 061 0614", "www.lgo.org.uk").doesNotContain("PO Box 152");

        String homesPlus = signposting(housingPlus("homes-plus"));
        assertThat(homesPlus).contains("Housing Ombudsman Service", "PO Box 152", "L33 7WQ", "0300 111 3000",
                "info@housing-ombudsman.org.uk").doesNotContain("Local Government");

        String countyTown = signposting(housingPlus("county-town-homes"));
        assertThat(countyTown).contains("New Homes Ombudsman Service", "www.nhos.org.uk")
                .doesNotContain("PO Box 152", "Local Government");

        // every letter carries Housing Plus's own details
        assertThat(homesPlus).contains("Housing Plus Group", "0800 048 8955", "feedback@housingplusgroup.co.uk",
                "www.housingplusgroup.co.uk");
    }

    /**
     * Since the Housing Ombudsman Scheme of 1 October 2022 a tenant need neither wait nor go through a designated
     * person once the procedure is complete: every landlord's final response and signposting letters say so, even
     * Chorus Homes whose own procedure still tells of an eight-week wait; so does the letter refusing Stage 2
     * (Code 2.4, 5.11), in every landlord's letter set.
     */
    @Test
    void everyLandlordsFinalLettersOfferTheOmbudsmanNowAndNeverAWait() throws Exception {
        Map<String, String> ombudsmen = new java.util.LinkedHashMap<>();
        ombudsmen.put("chorus-homes/", "Housing Ombudsman");
        ombudsmen.put("housing-plus/homes-plus", "Housing Ombudsman");
        ombudsmen.put("housing-plus/care-plus", "Local Government and Social Care Ombudsman");
        ombudsmen.put("housing-plus/county-town-homes", "New Homes Ombudsman Service");
        ombudsmen.put("emh/", "Housing Ombudsman");
        ombudsmen.put("hoc-2024/", "Housing Ombudsman");
        java.util.regex.Pattern wait = java.util.regex.Pattern.compile(
                "(?i)\\b(eight|8)[ -]weeks?\\b|weeks after|must wait|have to wait|need to wait until|"
                        + "Ombudsman[^.]{0,40} from \\w+day|after the wait|until then");
        for (var entry : ombudsmen.entrySet()) {
            String[] landlordAndLine = entry.getKey().split("/", -1);
            Complaint complaint = register(landlordAndLine[0], landlordAndLine[1].isEmpty() ? null : landlordAndLine[1]);
            for (LetterType type : java.util.List.of(LetterType.STAGE_2_FINAL_RESPONSE, LetterType.OMBUDSMAN_SIGNPOSTING,
                    LetterType.ESCALATION_REFUSAL)) {
                RenderedLetter letter = renderer.render(complaint, type, customer(complaint), WRITTEN_AT);
                String pdf = pdfText(LetterRenderer.pdf(letter.xhtml()));
                String plain = letter.text().replaceAll("\\s+", " ");
                for (String text : java.util.List.of(pdf, plain)) {
                    assertThat(text).as(entry.getKey() + " " + type)
                            .contains("You can refer your complaint to the " + entry.getValue() + " now")
                            .containsIgnoringCase("you do not need to wait");
                    assertThat(wait.matcher(text).find()).as(entry.getKey() + " " + type + " tells of a wait: "
                            + text).isFalse();
                    if (text.contains("designated person")) {
                        assertThat(text).as(entry.getKey() + " " + type + " designated person is optional")
                                .contains("This is optional");
                    }
                }
            }
        }
    }

    @Test
    void aStage2AcknowledgementAsksWhyAndWhatOutcomeWhereThePolicySaysSo() throws Exception {
        Complaint emh = register("emh", null);
        inTransaction(emh, c -> {
            c.enterStage(Stage.STAGE_2, WRITTEN_AT);
            c.getDeadlines().set(DeadlineType.STAGE_2_RESPONSE, london("2027-01-25T17:00"));
        });
        RenderedLetter letter = renderer.render(reload(emh), LetterType.STAGE_2_ACKNOWLEDGEMENT, customer(emh),
                WRITTEN_AT);
        assertThat(pdfText(LetterRenderer.pdf(letter.xhtml())))
                .contains("Please tell us", "why you are not happy with our Stage 1 response",
                        "what outcome you would like from the review")
                .contains("Monday 25 January 2027")
                .contains("emh", "Memorial House", "Stenson Road", "Coalville", "LE67 4JP", "0300 123 6000");

        RenderedLetter survey = renderer.render(reload(emh), LetterType.SATISFACTION_SURVEY_INVITATION, customer(emh),
                WRITTEN_AT);
        Files.write(OUT.resolve("satisfaction-survey-invitation-emh.pdf"), LetterRenderer.pdf(survey.xhtml()));
        preview(OUT.resolve("satisfaction-survey-invitation-emh.pdf"), OUT.resolve("satisfaction-survey-invitation-emh"));
        assertThat(pdfText(LetterRenderer.pdf(survey.xhtml()))).contains("https://www.surveymonkey.co.uk/r/6FP7P7E", "0300 123 6000",
                "Memorial House");
    }

    @Test
    void aRepresentativesCopySaysWhoItIsForAndGoesByEmail() throws Exception {
        Complaint complaint = chorusComplaintAtStage2();
        Recipient representative = new Recipient("Sam Advocate", "sam@example.org", null, ContactMethod.EMAIL, true);
        RenderedLetter letter = renderer.render(complaint, LetterType.STAGE_1_RESPONSE, representative, WRITTEN_AT);
        String text = pdfText(LetterRenderer.pdf(letter.xhtml()));
        assertThat(text).contains("Dear Sam Advocate,", "By email: sam@example.org",
                "This is a copy of our letter to Alex Customer");
        assertThat(letter.text()).contains("This is a copy of our letter to Alex Customer");
    }

    // --- complaints as the process leaves them ---

    private Complaint chorusComplaintAtStage2() {
        ensureUser("lt.jones", "Sam", "Jones");
        Complaint complaint = register("chorus-homes", null);
        Long id = complaint.getId();
        note(id, "putItRightAction", "Fitted a new thermostat on 18 December.", "Task_PutItRight", "2026-12-18T10:00");
        note(id, "informationRequested", "Which rooms have no heating?", "Task_InvestigateComplaint", "2026-12-18T11:00");
        note(id, "stage1Findings", "An early draft.", "Task_InvestigateComplaint", "2026-12-19T09:00");
        note(id, "stage1Findings", "The engineer did not bring the right part twice.\nWe did not call you back.",
                "Task_InvestigateComplaint", "2026-12-21T10:00");
        note(id, "stage1Outcome", "PARTLY_UPHELD", "Task_InvestigateComplaint", "2026-12-21T10:00");
        note(id, "stage1Remedy", "We will pay you £50 for the missed appointments.", "Task_InvestigateComplaint",
                "2026-12-21T10:00");
        note(id, "stage1OutstandingActions", "Replace the boiler by Friday 15 January 2027.",
                "Task_InvestigateComplaint", "2026-12-21T10:00");
        note(id, "stage2Findings", "The boiler is beyond economic repair.", "Task_ReviewComplaint", "2026-12-22T10:00");
        note(id, "stage2Outcome", "UPHELD", "Task_ReviewComplaint", "2026-12-22T10:00");
        note(id, "stage2Remedy", "We will replace the boiler and pay you £150.", "Task_ReviewComplaint",
                "2026-12-22T10:00");
        note(id, "stage2OutstandingActions", "New boiler fitted by Friday 29 January 2027.", "Task_ReviewComplaint",
                "2026-12-22T10:00");
        note(id, "icpReferralNote", "Three failed repairs and a winter without heating.", "Task_PrepareIcpReferral",
                "2026-12-22T11:00");
        note(id, "icpOutcome", "MEDIATED", "Task_RecordPanelOutcome", "2026-12-22T12:00");
        note(id, "icpRecommendations", "Chorus Homes to service the new boiler yearly.", "Task_RecordPanelOutcome",
                "2026-12-22T12:00");
        inTransaction(complaint, c -> {
            c.assignCaseHandler("lt.jones");
            c.recordConsent(true);
            c.getDeadlines().set(DeadlineType.ACKNOWLEDGEMENT, london("2026-12-18T17:00"));
            c.getDeadlines().set(DeadlineType.INFORMAL_RESOLUTION, london("2026-12-29T17:00"));
            c.enterStage(Stage.STAGE_1, london("2026-12-18T12:00"));
            c.getDeadlines().set(DeadlineType.STAGE_1_RESPONSE, london("2027-01-04T17:00"));
            c.recordExtension(DeadlineType.STAGE_1_RESPONSE, "A specialist damp survey is booked for 5 January.",
                    london("2027-01-18T17:00"), "lt.jones", WRITTEN_AT);
            c.requestStage2("The boiler is still not fixed.", "A new boiler and compensation.");
            c.getDeadlines().set(DeadlineType.STAGE_2_RESPONSE, london("2027-01-12T17:00"));
            c.getDeadlines().set(DeadlineType.ESCALATION_WINDOW, london("2027-01-25T17:00"));
            c.getDeadlines().set(DeadlineType.OMBUDSMAN_ELIGIBLE, london("2027-02-17T11:00"));
        });
        return reload(complaint);
    }

    private Complaint housingPlus(String businessLine) {
        return register("housing-plus", businessLine);
    }

    private String signposting(Complaint complaint) throws IOException {
        RenderedLetter letter = renderer.render(complaint, LetterType.OMBUDSMAN_SIGNPOSTING, customer(complaint),
                WRITTEN_AT);
        String name = "ombudsman-signposting-" + complaint.getBusinessLine();
        Files.write(OUT.resolve(name + ".pdf"), LetterRenderer.pdf(letter.xhtml()));
        preview(OUT.resolve(name + ".pdf"), OUT.resolve(name));
        return pdfText(LetterRenderer.pdf(letter.xhtml()));
    }

    private Complaint register(String landlord, String businessLine) {
        return intake.register(new NewComplaintRequest(landlord, businessLine, null, Channel.PHONE,
                OffsetDateTime.ofInstant(london("2026-12-16T09:30"), LONDON),
                new NewComplaintRequest.Customer("Alex Customer", "alex@example.org", "01234 567890",
                        "2 Mill Lane, Huntingdon, PE29 1AB", ContactMethod.POST),
                new NewComplaintRequest.Representative("Sam Advocate", "sam@example.org", null, null),
                "The boiler has not been repaired after three visits.", "Repair the boiler"));
    }

    private void note(Long complaintId, String field, String body, String task, String at) {
        notes.save(new ComplaintNote(complaintId, field, body, task, "lt.jones", london(at)));
    }

    private void inTransaction(Complaint complaint, java.util.function.Consumer<Complaint> change) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Complaint loaded = complaints.findById(complaint.getId()).orElseThrow();
            change.accept(loaded);
            complaints.save(loaded);
        });
    }

    private Complaint reload(Complaint complaint) {
        // extensions are lazy: read the complaint in a transaction and touch them
        return new TransactionTemplate(transactions).execute(status -> {
            Complaint loaded = complaints.findById(complaint.getId()).orElseThrow();
            loaded.getExtensions().size();
            loaded.getBreaches().size();
            return loaded;
        });
    }

    private void ensureUser(String id, String first, String last) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(id);
            identity.saveUser(user);
        }
    }

    private static Recipient customer(Complaint complaint) {
        return new Recipient(complaint.getCustomer().getName(), complaint.getCustomer().getEmail(),
                complaint.getCustomer().getAddress(), ContactMethod.POST, false);
    }

    /** The PDF's text with every run of white space (line wraps included) made one space. */
    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ");
        }
    }

    /** First page as a PNG, for the docs and a look by eye; skipped (and said so) without pdftoppm. */
    private static void preview(Path pdf, Path pngWithoutExtension) {
        try {
            Process process = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-singlefile", pdf.toString(),
                    pngWithoutExtension.toString()).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                log.warn("pdftoppm could not render {}: {}", pdf, new String(process.getInputStream().readAllBytes()));
            }
        } catch (IOException e) {
            log.info("pdftoppm is not installed (poppler-utils): skipping the PNG preview of {}", pdf);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant london(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(LONDON).toInstant();
    }
}
