package uk.putitright.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import uk.putitright.process.TaskRole;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks a deployment from a member of staff must pass (the application's own deployment of processes/
 * passes them too, which {@code DeploymentGateTest} asserts). Security first: no scripts, no Java classes, no
 * connectors, only expressions on the {@link ExpressionAllowlist}, only BPMN, DMN and Camunda Forms files.
 * Then what the procedure needs to work: every model parses, every user task has a Camunda Form and a
 * candidate group, every timer and due date is a deadline computed in working days, every service task is one
 * of the application's steps, every form a task names exists.
 */
final class ModelCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String DMN_FEEL = "feel";
    private static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    /** Elements that run code or reach outside: scripts (tasks, listeners, mappings), HTTP/SOAP connectors. */
    private static final Set<String> CODE_ELEMENTS = Set.of("script", "scriptTask", "connector", "connectorId");
    /** Attributes that name Java classes, script languages or expression languages. */
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "variableMappingClass", "scriptFormat",
            "resource", "language", "expressionLanguage", "typeLanguage");
    /** Text the engine never evaluates. */
    private static final Set<String> NOT_EVALUATED = Set.of("documentation", "textAnnotation", "text",
            "BPMNDiagram");
    private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("function\\s*\\(.*?\\)\\s*external",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExpressionAllowlist expressions;
    private final Set<String> deadlineVariables;
    private final StepTemplates templates;

    ModelCheck(ExpressionAllowlist expressions, Set<String> deadlineVariables, StepTemplates templates) {
        this.expressions = expressions;
        this.deadlineVariables = Set.copyOf(deadlineVariables);
        this.templates = templates;
    }

    /**
     * Everything wrong with these resources (name to content) deployed together; empty if they may be deployed.
     *
     * @param formDeployed whether a Camunda Form with this id is already deployed (a task of this deployment
     *                     that binds the latest form may use it)
     */
    List<ModelProblem> check(Map<String, byte[]> resources, Predicate<String> formDeployed,
            Function<String, Set<String>> deployedTaskRoles) {
        List<ModelProblem> problems = new ArrayList<>();
        Map<String, Set<String>> taskRoles = new LinkedHashMap<>();
        Map<String, String> processResource = new LinkedHashMap<>();
        Set<String> formsHere = new HashSet<>();
        List<FormUse> formUses = new ArrayList<>();
        for (var resource : resources.entrySet()) {
            String name = resource.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
                checkBpmn(name, resource.getValue(), problems, formUses, taskRoles, processResource);
            } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                checkDmn(name, resource.getValue(), problems);
            } else if (lower.endsWith(".form")) {
                String id = formId(name, resource.getValue(), problems);
                if (id != null) {
                    formsHere.add(id);
                }
            } else {
                problems.add(new ModelProblem(name, "", "only BPMN (.bpmn), DMN (.dmn) and Camunda Forms (.form) "
                        + "files may be deployed"));
            }
        }
        for (var process : taskRoles.entrySet()) {
            Set<String> dropped = new java.util.TreeSet<>(deployedTaskRoles.apply(process.getKey()));
            dropped.removeAll(process.getValue());
            for (String role : dropped) {
                problems.add(new ModelProblem(processResource.get(process.getKey()), process.getKey(), "no task has "
                        + "the task role " + role + " any more, which the deployed version has (the rules in Java "
                        + "find the task by it): give the task that does this job the extension property taskRole = "
                        + role + " (Modeler: the user-task template's Task role)"));
            }
        }
        for (FormUse use : formUses) {
            boolean here = formsHere.contains(use.formId());
            if (!Set.of("latest", "deployment", "version").contains(use.binding())) {
                problems.add(new ModelProblem(use.resource(), use.element(), "names the form \"" + use.formId()
                        + "\" without a binding: set formRefBinding=\"latest\" (Modeler: Form, Binding: latest)"));
            } else if ("deployment".equals(use.binding()) && !here) {
                problems.add(new ModelProblem(use.resource(), use.element(), "uses the form \"" + use.formId()
                        + "\" of its own deployment (formRefBinding=\"deployment\"), but the form is not in this "
                        + "deployment: bind the latest form (formRefBinding=\"latest\") or deploy the form with it"));
            } else if (!here && !formDeployed.test(use.formId())) {
                problems.add(new ModelProblem(use.resource(), use.element(), "uses the form \"" + use.formId()
                        + "\", which is neither deployed nor in this deployment: add the .form file to the deployment"));
            }
        }
        return problems;
    }

    private record FormUse(String resource, String element, String formId, String binding) {
    }

    private void checkBpmn(String name, byte[] content, List<ModelProblem> problems, List<FormUse> formUses,
            Map<String, Set<String>> taskRoles, Map<String, String> processResource) {
        Document document = parse(name, content, problems);
        if (document == null) {
            return;
        }
        try {
            Bpmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException invalid) {
            problems.add(new ModelProblem(name, "", "is not a valid BPMN model: " + firstLine(invalid)));
            return;
        }
        walkBpmn(name, document.getDocumentElement(), problems, formUses);
        collectTaskRoles(name, document.getDocumentElement(), null, taskRoles, processResource, problems);
    }

    /** The task roles (extension property taskRole) of each process in the model, refusing unknown ones. */
    private void collectTaskRoles(String name, Element element, String processId, Map<String, Set<String>> taskRoles,
            Map<String, String> processResource, List<ModelProblem> problems) {
        String process = processId;
        if (BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("process")) {
            process = element.getAttribute("id");
            taskRoles.computeIfAbsent(process, id -> new java.util.TreeSet<>());
            processResource.put(process, name);
        }
        if (process != null && BPMN.equals(element.getNamespaceURI()) && element.getLocalName().equals("userTask")) {
            String role = extensionProperties(element).get(TaskRole.PROPERTY);
            if (role != null && !role.isBlank()) {
                if (Arrays.stream(TaskRole.values()).map(Enum::name).noneMatch(role.strip()::equals)) {
                    problems.add(new ModelProblem(name, elementId(element), "task role \"" + role + "\" is not one "
                            + "of " + Arrays.toString(TaskRole.values())));
                } else {
                    taskRoles.get(process).add(role.strip());
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collectTaskRoles(name, childElement, process, taskRoles, processResource, problems);
            }
        }
    }

    private void walkBpmn(String name, Element element, List<ModelProblem> problems, List<FormUse> formUses) {
        String local = element.getLocalName();
        if (NOT_EVALUATED.contains(local) && BPMN.equals(element.getNamespaceURI())
                || "BPMNDiagram".equals(local)) {
            return;
        }
        String id = elementId(element);
        if (CODE_ELEMENTS.contains(local)) {
            problems.add(new ModelProblem(name, id, "runs a script or a connector (" + local + "); only the "
                    + "application's steps may run"));
            return;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            checkAttribute(name, id, attribute, problems);
        }
        if (BPMN.equals(element.getNamespaceURI())) {
            checkBpmnElement(name, id, element, problems, formUses);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walkBpmn(name, childElement, problems, formUses);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = child.getNodeValue();
                if (ExpressionAllowlist.hasExpression(text)) {
                    add(problems, name, id, expressions.refusal(text.trim()));
                }
            }
        }
    }

    private void checkAttribute(String name, String id, Attr attribute, List<ModelProblem> problems) {
        String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
            return;
        }
        if (CODE_ATTRIBUTES.contains(local)) {
            problems.add(new ModelProblem(name, id, "names a Java class, a script or an expression language ("
                    + local + "); only the application's steps may run"));
        } else if (local.equals("formKey")) {
            problems.add(new ModelProblem(name, id, "uses a form key (an embedded or external form runs its own "
                    + "code in Tasklist); use a Camunda Form (camunda:formRef)"));
        } else if (local.equals("delegateExpression")) {
            add(problems, name, id, expressions.delegateRefusal(attribute.getValue()));
        } else if (ExpressionAllowlist.hasExpression(attribute.getValue())) {
            add(problems, name, id, expressions.refusal(attribute.getValue()));
        }
    }

    private void checkBpmnElement(String name, String id, Element element, List<ModelProblem> problems,
            List<FormUse> formUses) {
        switch (element.getLocalName()) {
            case "userTask" -> {
                String formRef = camunda(element, "formRef");
                if (formRef.isBlank()) {
                    problems.add(new ModelProblem(name, id, "user task without a form (camunda:formRef)"));
                } else {
                    formUses.add(new FormUse(name, id, formRef, camunda(element, "formRefBinding")));
                }
                if (camunda(element, "candidateGroups").isBlank()) {
                    problems.add(new ModelProblem(name, id, "user task without a candidate group "
                            + "(camunda:candidateGroups)"));
                }
                String due = camunda(element, "dueDate");
                if (!due.isBlank() && !isWorkingDayDeadline(due)) {
                    problems.add(new ModelProblem(name, id, "due date \"" + due + "\" is not a deadline in working "
                            + "days (one of " + deadlineNames() + ", or ${workingDays.fromNow(n)})"));
                }
            }
            case "startEvent" -> {
                String formRef = camunda(element, "formRef");
                if (!formRef.isBlank()) {
                    formUses.add(new FormUse(name, id, formRef, camunda(element, "formRefBinding")));
                }
            }
            case "serviceTask", "sendTask" -> checkStep(name, id, element, camunda(element, "delegateExpression"),
                    problems);
            case "intermediateThrowEvent", "endEvent" -> {
                String delegate = eventDelegate(element);
                if (!delegate.isBlank()) {
                    checkStep(name, id, element, delegate, problems);
                }
            }
            case "timerEventDefinition" -> checkTimer(name, id, element, problems);
            case "callActivity" -> {
                if (camunda(element, "calledElementBinding").isBlank()) {
                    problems.add(new ModelProblem(name, id, "call activity without a binding: choose which version "
                            + "of the called process it starts (calledElementBinding, normally \"latest\")"));
                }
            }
            default -> {
            }
        }
    }

    /**
     * A step is one of the application's, applied from its element template, and each of its extension
     * properties the template offers as a dropdown holds one of the dropdown's values.
     */
    private void checkStep(String name, String id, Element element, String delegate, List<ModelProblem> problems) {
        String templateId = camunda(element, "modelerTemplate");
        StepTemplates.StepTemplate template = templates.byId(templateId);
        if (template == null) {
            problems.add(new ModelProblem(name, id, (templateId.isBlank() ? "step without an element template"
                    : "unknown element template \"" + templateId + "\"") + ": apply one of the Put It Right "
                    + "templates in Modeler (" + String.join(", ", templates.all().keySet().stream().sorted()
                    .map(t -> t.substring(StepTemplates.STEP_PREFIX.length())).toList()) + ")"));
            return;
        }
        if (!delegate.replaceAll("\\s", "").equals("${" + template.step() + "}")) {
            problems.add(new ModelProblem(name, id, "applies the template \"" + templateId + "\" but its "
                    + "implementation is \"" + delegate + "\", not ${" + template.step() + "}: re-apply the template"));
        }
        Map<String, String> properties = extensionProperties(element);
        for (var dropdown : template.choices().entrySet()) {
            String value = properties.getOrDefault(dropdown.getKey(), "");
            if (!dropdown.getValue().contains(value)) {
                problems.add(new ModelProblem(name, id, value.isEmpty() ? "needs the property " + dropdown.getKey()
                        : dropdown.getKey() + " \"" + value + "\" is not one of " + String.join(", ",
                        dropdown.getValue().stream().filter(v -> !v.isEmpty()).toList())));
            }
        }
    }

    private static String eventDelegate(Element event) {
        for (Node child = event.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element definition && definition.getLocalName().equals("messageEventDefinition")) {
                return camunda(definition, "delegateExpression");
            }
        }
        return "";
    }

    private static Map<String, String> extensionProperties(Element element) {
        Map<String, String> properties = new java.util.HashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element extensions && extensions.getLocalName().equals("extensionElements")) {
                for (Node list = extensions.getFirstChild(); list != null; list = list.getNextSibling()) {
                    if (list instanceof Element e && e.getLocalName().equals("properties")) {
                        for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                            if (p instanceof Element property && property.getLocalName().equals("property")) {
                                properties.put(property.getAttribute("name"), property.getAttribute("value"));
                            }
                        }
                    }
                }
            }
        }
        return properties;
    }

    private void checkTimer(String name, String id, Element timer, List<ModelProblem> problems) {
        String timeDate = null;
        for (Node child = timer.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element definition) {
                if (definition.getLocalName().equals("timeDate")) {
                    timeDate = definition.getTextContent().trim();
                } else {
                    problems.add(new ModelProblem(name, id, "timer with a " + definition.getLocalName()
                            + ": a timer waits for a deadline computed in working days (timeDate)"));
                    return;
                }
            }
        }
        if (timeDate == null || !isWorkingDayDeadline(timeDate)) {
            problems.add(new ModelProblem(name, id, "timer date \"" + (timeDate == null ? "" : timeDate)
                    + "\" is not a deadline in working days (one of " + deadlineNames()
                    + ", or ${workingDays.fromNow(n)})"));
        }
    }

    private boolean isWorkingDayDeadline(String expression) {
        String text = expression.trim();
        if (text.matches("\\$\\{\\s*workingDays\\.fromNow\\(\\s*(\\d+|[A-Za-z]\\w*WorkingDays)\\s*\\)\\s*}")) {
            return true;
        }
        return text.startsWith("${") && text.endsWith("}")
                && deadlineVariables.contains(text.substring(2, text.length() - 1).trim());
    }

    private String deadlineNames() {
        return String.join(", ", deadlineVariables.stream().sorted().map(v -> "${" + v + "}").toList());
    }

    private static String camunda(Element element, String attribute) {
        for (String namespace : CAMUNDA) {
            String value = element.getAttributeNS(namespace, attribute);
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private void checkDmn(String name, byte[] content, List<ModelProblem> problems) {
        Document document = parse(name, content, problems);
        if (document == null) {
            return;
        }
        try {
            Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException invalid) {
            problems.add(new ModelProblem(name, "", "is not a valid DMN model: " + firstLine(invalid)));
            return;
        }
        walkDmn(name, document.getDocumentElement(), problems);
    }

    /** FEEL cannot call Java unless it defines an external function; any other language could. */
    private void walkDmn(String name, Element element, List<ModelProblem> problems) {
        String id = elementId(element);
        for (String attribute : List.of("expressionLanguage", "typeLanguage")) {
            String language = element.getAttribute(attribute);
            if (!language.isEmpty() && !language.toLowerCase(Locale.ROOT).contains(DMN_FEEL)) {
                problems.add(new ModelProblem(name, id, "uses the expression language \"" + language
                        + "\"; decisions are written in FEEL"));
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walkDmn(name, childElement, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (FEEL_EXTERNAL_FUNCTION.matcher(child.getNodeValue()).find()) {
                    problems.add(new ModelProblem(name, id, "defines an external (Java) function"));
                }
            }
        }
    }

    private static String formId(String name, byte[] content, List<ModelProblem> problems) {
        try {
            JsonNode form = JSON.readTree(content);
            if (form != null && form.path("id").isTextual() && !form.path("id").asText().isBlank()) {
                return form.path("id").asText();
            }
            problems.add(new ModelProblem(name, "", "is not a Camunda Form (no \"id\")"));
        } catch (java.io.IOException notJson) {
            problems.add(new ModelProblem(name, "", "is not a Camunda Form (not JSON)"));
        }
        return null;
    }

    /** The document, or null (and a problem) if it is not well-formed XML; no DTDs, so no external entities. */
    private static Document parse(String name, byte[] content, List<ModelProblem> problems) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(content));
        } catch (Exception notXml) {
            problems.add(new ModelProblem(name, "", "does not parse as XML: " + firstLine(notXml)));
            return null;
        }
    }

    /** The id of the element or of the nearest enclosing element that has one. */
    private static String elementId(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return "";
    }

    private static void add(List<ModelProblem> problems, String name, String id, String refusal) {
        if (refusal != null) {
            problems.add(new ModelProblem(name, id, refusal));
        }
    }

    /** The innermost cause's message: the model API wraps the parser's, which names the line. */
    private static String firstLine(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}
