package uk.putitright.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.Filter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.FeedbackIntake;
import uk.putitright.intake.InvalidFieldException;
import uk.putitright.intake.NewFeedbackRequest;
import uk.putitright.letters.Letter;
import uk.putitright.letters.LetterType;
import uk.putitright.letters.TestMailServer;
import uk.putitright.process.ProcessTestSupport;

/**
 * Compliments and comments through the real engine: the compliment reaches the named staff member's team,
 * the comment the service owner, both get a thank-you email, and the engine keeps no personal data.
 */
class FeedbackProcessTest extends ProcessTestSupport {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    /** The only variables the feedback process (and its letter's delivery) may hold or record. */
    private static final Set<String> ALLOWED_VARIABLES = Set.of("feedbackId", "reference", "kind", "landlord",
            "recognitionGroup", "serviceOwnerGroup", "complimentPassedOn", "commentLogged", "letterId");

    @Autowired FeedbackIntake feedbackIntake;
    @Autowired FeedbackRepository feedback;
    @Autowired WebApplicationContext web;

    @Test
    void aComplimentReachesTheNamedStaffMembersTeamAndIsThankedByEmail() {
        clockAt("2026-03-02T10:00");
        String email = uniqueEmail();
        String reference = receive(new NewFeedbackRequest(FeedbackKind.COMPLIMENT, "Pat Tenant", email, null,
                ContactMethod.EMAIL, "Sam Jones", "service-managers",
                "Sam fixed our boiler on a Sunday and explained everything."));
        assertThat(reference).matches("[A-Z]+-2026-\\d{6}");

        Task task = task(reference, "Task_RecogniseCompliment");
        assertThat(candidateGroupsOf(task)).containsExactly("service-managers");
        // Monday 10:00 + 5 working days = the end of the working day the next Monday
        assertThat(task.getDueDate()).isEqualTo(london("2026-03-09T17:00"));
        // the form shows the compliment, read from the feedback table as it opens; the task keeps no copy
        assertThat(forms.getTaskFormVariables(task.getId())).containsEntry("feedbackFrom", "Pat Tenant")
                .containsEntry("staffMemberName", "Sam Jones").containsEntry("feedbackTeam", "service-managers")
                .containsEntry("feedbackText", "Sam fixed our boiler on a Sunday and explained everything.");
        assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();
        assertNoPersonalDataInTheEngine(reference, email);

        clockAt("2026-03-03T11:00");
        ensureUser("sm.feedback", "service-managers");
        identity.setAuthentication("sm.feedback", List.of("service-managers"));
        try {
            tasks.complete(task.getId(), Map.of("complimentPassedOn", true));
        } finally {
            identity.clearAuthentication();
        }
        executeDueJobs();

        Feedback stored = feedback.findByReference(reference).orElseThrow();
        assertThat(stored.getRecognisedAt()).isEqualTo(london("2026-03-03T11:00"));
        assertThat(stored.getRecognisedBy()).isEqualTo("sm.feedback");
        Letter letter = letters.findByStepKey("feedback:" + reference + ":Task_SendThanks").orElseThrow();
        assertThat(letter.getType()).isEqualTo(LetterType.COMPLIMENT_THANKS);
        assertThat(letter.getComplaint()).isNull();
        assertThat(letter.getBody()).contains("Thank you for your compliment", reference, "Sam Jones",
                "Sam fixed our boiler");
        assertThat(letter.isDelivered()).isTrue();
        List<Message> sent = sentTo(email);
        assertThat(sent).hasSize(1);
        assertThat(subject(sent.get(0))).isEqualTo("Thank you for your compliment (" + reference + ")");
        assertThat(processEnded(reference)).isTrue();
        assertNoPersonalDataInTheEngine(reference, email);
    }

    @Test
    void aComplimentWithoutAKnownTeamGoesToCustomerService() {
        String reference = receive(new NewFeedbackRequest(FeedbackKind.COMPLIMENT, "Lee Resident", null,
                "2 Church Lane, Huntingdon", ContactMethod.POST, null, null, "Everyone was very kind."));
        assertThat(candidateGroupsOf(task(reference, "Task_RecogniseCompliment"))).containsExactly("customer-service");
        // no team was named: the form shows the rest and no empty team
        assertThat(forms.getTaskFormVariables(task(reference, "Task_RecogniseCompliment").getId()))
                .containsEntry("feedbackFrom", "Lee Resident").doesNotContainKey("feedbackTeam");
        complete(reference, "Task_RecogniseCompliment", Map.of("complimentPassedOn", true));

        Letter letter = letters.findByStepKey("feedback:" + reference + ":Task_SendThanks").orElseThrow();
        assertThat(letter.getDeliveryMethod()).isEqualTo(ContactMethod.POST);
        assertThat(letter.getQueuedForPrintAt()).isNotNull();
        assertThat(letter.getBody()).contains("passed your kind words on to the people involved");
    }

    @Test
    void aCommentIsLoggedForTheServiceOwnerAndThanked() {
        clockAt("2026-03-02T10:00");
        String email = uniqueEmail();
        String reference = receive(new NewFeedbackRequest(FeedbackKind.COMMENT, "Jo Resident", email, null,
                ContactMethod.EMAIL, null, "grounds-maintenance", "The grass on the estate could be cut more often."));

        Task task = task(reference, "Task_LogComment");
        assertThat(candidateGroupsOf(task)).containsExactly("process-owners");
        // Monday 10:00 + 5 working days = the end of the working day the next Monday
        assertThat(task.getDueDate()).isEqualTo(london("2026-03-09T17:00"));
        assertNoPersonalDataInTheEngine(reference, email);

        complete(reference, "Task_LogComment", Map.of("commentLogged", true));

        assertThat(feedback.findByReference(reference).orElseThrow().getLoggedAt()).isNotNull();
        Letter letter = letters.findByStepKey("feedback:" + reference + ":Task_SendThanks").orElseThrow();
        assertThat(letter.getType()).isEqualTo(LetterType.COMMENT_THANKS);
        assertThat(letter.getBody()).contains("Thank you for your comment", "The grass on the estate");
        List<Message> sent = sentTo(email);
        assertThat(sent).hasSize(1);
        assertThat(subject(sent.get(0))).isEqualTo("Thank you for your comment (" + reference + ")");
        assertThat(processEnded(reference)).isTrue();
        assertNoPersonalDataInTheEngine(reference, email);
    }

    @Test
    void aCommentNamingOneOfOurGroupsGoesToThatGroup() {
        String reference = receive(new NewFeedbackRequest(FeedbackKind.COMMENT, "Jo Resident", uniqueEmail(), null,
                ContactMethod.EMAIL, null, "heads-of-service", "Your newsletter is very useful."));
        assertThat(candidateGroupsOf(task(reference, "Task_LogComment"))).containsExactly("heads-of-service");
    }

    @Test
    void feedbackWeCannotAnswerIsRefusedNamingTheField() {
        assertThatThrownBy(() -> feedbackIntake.receive(new NewFeedbackRequest(FeedbackKind.COMPLIMENT, "Pat",
                null, null, ContactMethod.EMAIL, null, null, "Thanks")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> feedbackIntake.receive(new NewFeedbackRequest(FeedbackKind.COMMENT, "Pat",
                "pat@example.org", null, ContactMethod.POST, null, null, "Thanks")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("address"));
        assertThatThrownBy(() -> feedbackIntake.receive(new NewFeedbackRequest(FeedbackKind.COMMENT, "Pat",
                null, null, ContactMethod.PHONE, null, null, "Thanks")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }

    @Test
    void theApiTakesFeedbackFromThePublicAndNamesEachBadField() throws Exception {
        MockMvc http = MockMvcBuilders.webAppContextSetup(web)
                .addFilters(web.getBean("springSecurityFilterChain", Filter.class)).build();

        String created = http.perform(post("/api/feedback").contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "COMPLIMENT", "name": "Pat Tenant", "email": "%s", "preferredContact": "EMAIL",
                         "staffMember": "Sam Jones", "team": "service-managers", "text": "Brilliant repair."}
                        """.formatted(uniqueEmail())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/feedback/")))
                .andExpect(jsonPath("$.reference").isString())
                .andReturn().getResponse().getContentAsString();
        String reference = created.replaceAll(".*\"reference\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        myComplaints.add(reference);
        assertThat(openTasks(reference)).containsExactly("Task_RecogniseCompliment");

        http.perform(post("/api/feedback").contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "COMPLIMENT", "name": " ", "email": "not-an-email", "preferredContact": "EMAIL",
                         "team": "Not A Team", "text": ""}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "name", "email", "team", "text")));

        http.perform(post("/api/feedback").contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "PRAISE", "name": "Pat", "email": "pat@example.org", "preferredContact": "EMAIL",
                         "text": "Thanks"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));

        http.perform(post("/api/feedback").contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "COMMENT", "name": "Pat", "preferredContact": "POST", "text": "Thanks"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("address"));
    }

    private String receive(NewFeedbackRequest request) {
        String reference = feedbackIntake.receive(request).getReference();
        myComplaints.add(reference);
        executeDueJobs();
        return reference;
    }

    /** Runtime variables and history hold ids, enums and group ids only: no name, email, address or words. */
    private void assertNoPersonalDataInTheEngine(String reference, String email) {
        Feedback stored = feedback.findByReference(reference).orElseThrow();
        List<String> personal = Arrays.asList(stored.getPersonName(), email, stored.getPersonAddress(),
                stored.getStaffMember(), stored.getText());
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("feedback").singleResult();
        if (instance != null) {
            Map<String, Object> variables = runtime.getVariables(instance.getId());
            assertThat(ALLOWED_VARIABLES).containsAll(variables.keySet());
            assertThat(variables.values()).doesNotContainAnyElementsOf(personal.stream()
                    .filter(java.util.Objects::nonNull).map(Object.class::cast).toList());
        }
        var processInstanceIds = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .list().stream().map(p -> p.getId()).toList();
        assertThat(processInstanceIds).isNotEmpty();
        for (String id : processInstanceIds) {
            List<HistoricVariableInstance> recorded = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(id).list();
            assertThat(recorded).extracting(HistoricVariableInstance::getName).allMatch(ALLOWED_VARIABLES::contains);
            assertThat(recorded).extracting(HistoricVariableInstance::getValue)
                    .noneMatch(value -> value instanceof String s && personal.contains(s));
            assertThat(history.createHistoricDetailQuery().processInstanceId(id).list())
                    .allMatch(detail -> !(detail instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate update)
                            || ALLOWED_VARIABLES.contains(update.getVariableName()));
        }
    }

    private static String uniqueEmail() {
        return "feedback-" + System.nanoTime() + "-" + PEOPLE.incrementAndGet() + "@example.org";
    }

    private static List<Message> sentTo(String email) {
        return Arrays.stream(TestMailServer.running().getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients())
                        .anyMatch(to -> email.equalsIgnoreCase(((InternetAddress) to).getAddress()));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(Message.class::cast).toList();
    }

    private static String subject(Message message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
