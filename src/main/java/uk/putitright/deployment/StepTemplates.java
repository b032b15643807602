package uk.putitright.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Modeler element templates (element-templates/*.json, on the classpath): one per step of the application.
 * A step's template id is {@code uk.putitright.step.<bean>}; its dropdowns bound to extension properties list
 * every value the step accepts ({@code letterType} = the letter types), so the gate can refuse a value the
 * step would fail on.
 */
public final class StepTemplates {

    static final String STEP_PREFIX = "uk.putitright.step.";

    /** A step's template: the step (bean) it implements and, per extension property, the values allowed. */
    public record StepTemplate(String id, String step, Set<String> appliesTo, Map<String, Set<String>> choices) {
    }

    private final Map<String, StepTemplate> byId;

    private StepTemplates(Map<String, StepTemplate> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The templates shipped with the application. */
    public static StepTemplates fromClasspath() {
        Map<String, StepTemplate> templates = new LinkedHashMap<>();
        try {
            ObjectMapper json = new ObjectMapper();
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:element-templates/*.json")) {
                JsonNode root = json.readTree(file.getInputStream());
                for (JsonNode template : root.isArray() ? root : json.createArrayNode().add(root)) {
                    String id = template.path("id").asText();
                    if (!id.startsWith(STEP_PREFIX)) {
                        continue;
                    }
                    Set<String> appliesTo = new LinkedHashSet<>();
                    template.path("appliesTo").forEach(type -> appliesTo.add(type.asText()));
                    Map<String, Set<String>> choices = new LinkedHashMap<>();
                    for (JsonNode property : template.path("properties")) {
                        if (property.path("type").asText().equals("Dropdown")
                                && property.path("binding").path("type").asText().equals("camunda:property")) {
                            Set<String> values = new LinkedHashSet<>();
                            property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
                            choices.put(property.path("binding").path("name").asText(), values);
                        }
                    }
                    templates.put(id, new StepTemplate(id, id.substring(STEP_PREFIX.length()), appliesTo, choices));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("element templates unreadable", e);
        }
        return new StepTemplates(templates);
    }

    public StepTemplate byId(String id) {
        return byId.get(id);
    }

    public Map<String, StepTemplate> all() {
        return byId;
    }
}
