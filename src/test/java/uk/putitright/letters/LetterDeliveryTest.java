package uk.putitright.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.NewComplaintRequest;
import uk.putitright.process.ProcessTestSupport;

/** Letters leave by the customer's preferred way, with the PDF, exactly once, even when SMTP is down. */
class LetterDeliveryTest extends ProcessTestSupport {

    @Autowired LetterController controller;

    private GreenMail smtp;

    @BeforeEach
    void cleanInbox() throws Exception {
        smtp = TestMailServer.running();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void smtpBack() {
        TestMailServer.running();
    }

    @Test
    void theAcknowledgementIsEmailedOnceWithItsPdf() throws Exception {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        complete(ref, "Task_AcknowledgeComplaint");

        List<MimeMessage> inbox = emailsTo("alex@example.org");
        assertThat(inbox).hasSize(1);
        MimeMessage email = inbox.get(0);
        assertThat(email.getSubject()).isEqualTo("We have received your complaint (" + ref + ")");
        assertThat(email.getMessageID()).matches("<letter-\\d+@putitright.invalid>");
        assertThat(GreenMailUtil.getBody(email)).contains(ref);
        String pdfText = attachedPdfText(email);
        assertThat(pdfText).contains(ref).contains("Chorus Homes");
        Letter letter = onlyLetter(ref);
        assertThat(letter.getDeliveredAt()).isNotNull();
        assertThat(letter.getDeliveryMethod()).isEqualTo(ContactMethod.EMAIL);
        // the PDF kept with the letter is the one that was attached
        assertThat(letter.getPdf()).isEqualTo(attachedPdf(email));
        assertDeliveredBy(ref, "Task_EmailLetter");
    }

    @Test
    void smtpDownThenBackDeliversEachLetterOnceAndLosesNone() throws Exception {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        TestMailServer.stop();
        tasks.complete(task(ref, "Task_AcknowledgeComplaint").getId());

        Job emailJob = emailJob(ref);
        assertThatThrownBy(() -> management.executeJob(emailJob.getId())).isNotNull();
        Job failed = management.createJobQuery().jobId(emailJob.getId()).singleResult();
        assertThat(failed.getRetries()).isEqualTo(4);
        assertThat(failed.getExceptionMessage()).isNotBlank();
        assertThat(onlyLetter(ref).getDeliveredAt()).isNull();

        smtp = TestMailServer.running();
        clockAt("2026-12-21T10:06"); // the retry is due 5 minutes later
        executeDueJobs();

        assertThat(emailsTo("alex@example.org")).hasSize(1);
        assertThat(onlyLetter(ref).getDeliveredAt()).isNotNull();
        assertThat(jobsOf(ref).stream().filter(job -> job.getExceptionMessage() != null)).isEmpty();
    }

    @Test
    void replayingTheDeliveryOfASentLetterSendsNoSecondEmail() throws Exception {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(emailsTo("alex@example.org")).hasSize(1);
        Letter letter = onlyLetter(ref);

        // the same delivery again, as if its job ran a second time
        for (int replay = 0; replay < 2; replay++) {
            runtime.createMessageCorrelation("LetterReady").processInstanceBusinessKey(ref)
                    .setVariable("letterId", letter.getId()).setVariable("deliveryMethod", "EMAIL")
                    .correlateStartMessage();
            executeDueJobs();
        }
        assertThat(emailsTo("alex@example.org")).hasSize(1);
    }

    @Test
    void whenSmtpStaysDownTheRetriesEndInAnIncidentAndTheLetterWaits() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        TestMailServer.stop();
        tasks.complete(task(ref, "Task_AcknowledgeComplaint").getId());
        Job emailJob = emailJob(ref);
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                management.executeJob(emailJob.getId());
            } catch (RuntimeException expected) {
                // SMTP is down
            }
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(emailJob.getProcessInstanceId())
                .singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_EmailLetter");
        assertThat(onlyLetter(ref).getDeliveredAt()).isNull();
    }

    @Test
    void aCustomerWhoPrefersPostIsPrintedInTheBatchAndMarkedPosted() throws Exception {
        clockAt("2026-12-21T10:00");
        var request = new NewComplaintRequest("chorus-homes", null, null, Channel.WRITING, null,
                new NewComplaintRequest.Customer("Pat Post", null, null, "4 Mill Lane, Huntingdon PE29 2AA",
                        ContactMethod.POST), null, "The gutter leaks.", null);
        String ref = intake.log(request).getReference();
        myComplaints.add(ref);
        executeDueJobs();
        complete(ref, "Task_AcknowledgeComplaint");

        Letter letter = onlyLetter(ref);
        assertThat(letter.getDeliveryMethod()).isEqualTo(ContactMethod.POST);
        assertThat(letter.getPdf()).as("the PDF queued for printing is kept with the letter").startsWith("%PDF".getBytes());
        assertThat(controller.printQueue()).extracting(LetterController.LetterView::id).contains(letter.getId());
        byte[] batch = controller.printBatch().getBody();
        try (PDDocument document = Loader.loadPDF(batch)) {
            assertThat(new PDFTextStripper().getText(document)).contains(ref).contains("4 Mill Lane");
        }
        assertThat(emailsTo("alex@example.org")).isEmpty();

        controller.posted(new LetterController.PostedRequest(List.of(letter.getId())),
                UsernamePasswordAuthenticationToken.authenticated("cs.print", null, List.of()));
        assertThat(controller.printQueue()).extracting(LetterController.LetterView::id).doesNotContain(letter.getId());
        assertThat(onlyLetter(ref).getPostedBy()).isEqualTo("cs.print");
        assertThat(onlyLetter(ref).getDeliveredAt()).isNotNull();
        assertDeliveredBy(ref, "Task_QueueForPrinting");
    }

    /**
     * The letter's delivery instance took the route of its method, and kept only the letter's id: the method
     * routes the start gateway as a transient variable and stays on the letter row.
     */
    private void assertDeliveredBy(String ref, String deliveryStep) {
        HistoricProcessInstance delivery = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("letter-delivery").processInstanceBusinessKey(ref).singleResult();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(delivery.getId())
                .activityId(deliveryStep).finished().count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(delivery.getId()).list())
                .extracting(HistoricVariableInstance::getName).containsExactly("letterId");
    }

    @Test
    void aRepresentativeGetsCopiesOnlyOnceTheCustomerHasConsented() throws Exception {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("housing-plus", null, true);
        assertThat(emailsTo("sam@example.org")).isEmpty();
        complete(ref, "Task_ConfirmConsent", Map.of("consentGiven", true));
        complete(ref, "Task_AcknowledgeComplaint");

        assertThat(emailsTo("alex@example.org")).extracting(MimeMessage::getSubject)
                .containsExactly("Someone acting for you (" + ref + ")", "We have received your complaint (" + ref + ")");
        assertThat(emailsTo("sam@example.org")).extracting(MimeMessage::getSubject)
                .containsExactly("Copy: Someone acting for you (" + ref + ")",
                        "Copy: We have received your complaint (" + ref + ")");
    }

    private List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String attachedPdfText(MimeMessage email) throws Exception {
        try (PDDocument document = Loader.loadPDF(attachedPdf(email))) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] attachedPdf(MimeMessage email) throws Exception {
        Multipart parts = (Multipart) email.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if ("application/pdf".equalsIgnoreCase(part.getContentType().split(";")[0].trim())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }

    private Letter onlyLetter(String ref) {
        List<Letter> all = letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint(ref).getId());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Runs the steps that write the letter and start its delivery, and returns the (not yet run) email job. */
    private Job emailJob(String ref) {
        for (int round = 0; round < 20; round++) {
            List<Job> other = jobsOf(ref).stream().filter(job -> job.getDuedate() == null
                            || !job.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()))
                    .filter(job -> !"Task_EmailLetter".equals(activityOf(job))).toList();
            if (other.isEmpty()) {
                break;
            }
            other.forEach(job -> management.executeJob(job.getId()));
        }
        return jobsOf(ref).stream().filter(job -> "Task_EmailLetter".equals(activityOf(job))).findFirst()
                .orElseThrow();
    }

    /** Jobs of every process instance of the complaint (main, stages, letter deliveries). */
    private List<Job> jobsOf(String ref) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).list().stream())
                .toList();
    }

    private String activityOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }
}
