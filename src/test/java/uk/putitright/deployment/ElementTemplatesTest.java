package uk.putitright.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;
import uk.putitright.process.TaskRole;
import uk.putitright.tasklist.Role;

/**
 * The Modeler element templates and the Java they stand for cannot drift apart: every dropdown offers exactly
 * the values of its enum (a new letter type appears in Modeler, a removed one cannot be chosen), the user-task
 * templates offer every form, team and deadline, and every step in processes/ applies its template.
 * (The JSON schema itself is checked by .ci/templates/check-templates.sh.)
 */
class ElementTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StepTemplates templates = StepTemplates.fromClasspath();

    @Test
    void everyDropdownOffersExactlyTheValuesOfItsEnum() {
        assertThat(choices("createLetter", "letterType")).containsExactlyInAnyOrderElementsOf(names(LetterType.values()));
        for (String step : List.of("scheduleDeadline", "recordBreach", "requestBreachReview")) {
            assertThat(choices(step, "deadline")).as(step).containsExactlyInAnyOrderElementsOf(names(DeadlineType.values()));
        }
        assertThat(choices("recordStage", "stage")).containsExactlyInAnyOrderElementsOf(optional(Stage.values()));
        assertThat(choices("recordStage", "status")).containsExactlyInAnyOrderElementsOf(optional(ComplaintStatus.values()));
        assertThat(choices("recordStage", "closureReason")).containsExactlyInAnyOrderElementsOf(optional(ClosureReason.values()));
        assertThat(choices("requestBreachReview", "reviewGroup"))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::groupId).toList());
        assertThat(names(Stage.values())).containsAll(choices("recordExtension", "stage"));
    }

    @Test
    void theUserTaskTemplatesOfferEveryFormTeamAndDeadline() throws Exception {
        Set<String> forms = new LinkedHashSet<>();
        for (Resource form : resources("classpath*:forms/*.form")) {
            forms.add(JSON.readTree(form.getInputStream()).path("id").asText());
        }
        for (String file : List.of("case-handler-task", "team-task")) {
            JsonNode template = JSON.readTree(new PathMatchingResourcePatternResolver()
                    .getResource("classpath:element-templates/" + file + ".json").getInputStream());
            assertThat(propertyChoices(template, "camunda:formRef")).as(file).containsExactlyInAnyOrderElementsOf(forms);
            assertThat(propertyChoices(template, "camunda:candidateGroups")).as(file)
                    .containsAll(Arrays.stream(Role.values()).map(Role::groupId).toList());
            assertThat(propertyChoices(template, "camunda:dueDate")).as(file).containsAll(Arrays.stream(
                    DeadlineType.values()).map(d -> "${" + d.variable() + "}").toList());
            assertThat(propertyChoices(template, "taskRole")).as(file)
                    .containsExactlyInAnyOrderElementsOf(optional(TaskRole.values()));
        }
    }

    @Test
    void everyStepInTheModelsAppliesTheTemplateOfItsStep() throws Exception {
        Pattern step = Pattern.compile("<bpmn:(serviceTask|sendTask|intermediateThrowEvent|endEvent) ([^>]*)>(.*?)</bpmn:\\1>",
                Pattern.DOTALL);
        Map<String, String> missing = new TreeMap<>();
        int steps = 0;
        for (Resource model : resources("classpath*:processes/*.bpmn")) {
            Matcher matcher = step.matcher(model.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            while (matcher.find()) {
                Matcher delegate = Pattern.compile("camunda:delegateExpression=\"\\$\\{(\\w+)}\"").matcher(matcher.group(0));
                if (!delegate.find()) {
                    continue;
                }
                steps++;
                String id = attribute(matcher.group(2), "id");
                String template = attribute(matcher.group(2), "camunda:modelerTemplate");
                if (!(StepTemplates.STEP_PREFIX + delegate.group(1)).equals(template)) {
                    missing.put(model.getFilename() + " " + id, delegate.group(1) + " applies " + template);
                }
            }
        }
        assertThat(steps).isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    private List<String> choices(String step, String property) {
        StepTemplates.StepTemplate template = templates.byId(StepTemplates.STEP_PREFIX + step);
        assertThat(template).as(step).isNotNull();
        return new ArrayList<>(template.choices().get(property));
    }

    private static List<String> propertyChoices(JsonNode template, String binding) {
        for (JsonNode property : template.path("properties")) {
            if (property.path("binding").path("name").asText().equals(binding)) {
                return property.path("choices").findValuesAsText("value");
            }
        }
        return List.of();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toList());
    }

    /** An optional dropdown offers "" (unchanged) first. */
    private static List<String> optional(Enum<?>[] values) {
        List<String> choices = new ArrayList<>(List.of(""));
        choices.addAll(names(values));
        return choices;
    }

    private static String attribute(String attributes, String name) {
        Matcher value = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
        return value.find() ? value.group(1) : null;
    }

    private static Resource[] resources(String pattern) throws java.io.IOException {
        return new PathMatchingResourcePatternResolver().getResources(pattern);
    }
}
