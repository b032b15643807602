package uk.putitright.deployment;

import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The expressions (JUEL, {@code ${...}} and {@code #{...}}) a deployed model may contain: parsed with the
 * engine's own parser and allowed only if every node of the tree is on this list. An expression can call any
 * public method of any object it reaches ({@code "".getClass().forName(...)}), so a blocklist can never be
 * complete; this list names what the procedures need and nothing else:
 * <ul>
 *   <li>a step of the application, only as a whole delegate expression: {@code ${createLetter}};</li>
 *   <li>a plain read of a process variable: {@code ${stage1ResponseBy}} (a name that is no bean of the
 *       application and none of the engine's own objects such as {@code execution});</li>
 *   <li>literals, comparisons, {@code and or not empty}, {@code ?:} and parentheses:
 *       {@code ${stage1Decision == 'EXTEND'}};</li>
 *   <li>working days from now: {@code ${workingDays.fromNow(5)}} with a whole number, or with a plain read of a
 *       policy timescale ({@code ${workingDays.fromNow(icpReferralWorkingDays)}}, a variable named ...WorkingDays);</li>
 *   <li>the complaint reference passed to a called process: {@code #{execution.processBusinessKey}}.</li>
 * </ul>
 * Property access, brackets, any other method call, functions and arithmetic are refused.
 */
final class ExpressionAllowlist {

    /** Names the engine itself resolves to its objects; reading them gives the expression a way in. */
    private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableScope", "authenticatedUserId", "processEngine", "processEngineConfiguration");
    private static final Set<AstBinary.Operator> LOGIC_AND_COMPARISON = Set.of(AstBinary.AND, AstBinary.OR,
            AstBinary.EQ, AstBinary.NE, AstBinary.LT, AstBinary.LE, AstBinary.GT, AstBinary.GE);

    private final Builder parser = new Builder(Builder.Feature.METHOD_INVOCATIONS);
    private final Set<String> steps;
    private final Predicate<String> isBean;

    /**
     * @param steps  the bean names of the application's steps (delegates and listeners)
     * @param isBean whether a name resolves to some bean of the application (so it is not a process variable)
     */
    ExpressionAllowlist(Set<String> steps, Predicate<String> isBean) {
        this.steps = Set.copyOf(steps);
        this.isBean = isBean;
    }

    /** True if the text contains an expression at all (anything else is a literal to the engine). */
    static boolean hasExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** Why this text may not be deployed, or null if it may. */
    String refusal(String text) {
        Node root;
        try {
            root = parser.build(text).getRoot();
        } catch (TreeBuilderException e) {
            return "the expression " + quoted(text) + " does not parse";
        }
        String refusal = check(root);
        return refusal == null ? null : refusal + " in " + quoted(text);
    }

    /** Why a delegate expression may not be deployed, or null if it names one of the application's steps. */
    String delegateRefusal(String text) {
        String step = text == null ? "" : text.trim();
        if (step.matches("[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}")) {
            String name = step.substring(2, step.length() - 1).trim();
            if (steps.contains(name)) {
                return null;
            }
            return quoted(name) + " is not one of the application's steps (" + String.join(", ", steps.stream()
                    .sorted().toList()) + ")";
        }
        return "a delegate expression must name one of the application's steps, e.g. ${createLetter}, not "
                + quoted(text);
    }

    private String check(Node node) {
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstChoice) {
            return children(node);
        }
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return null;
        }
        if (node instanceof AstUnary unary) {
            return children(unary);
        }
        if (node instanceof AstBinary binary) {
            return LOGIC_AND_COMPARISON.contains(binary.getOperator()) ? children(binary)
                    : "the operator " + binary.getOperator() + " is not allowed (only comparisons and and/or/not)";
        }
        if (node instanceof AstIdentifier identifier) {
            return variableRead(identifier.getName());
        }
        if (node instanceof AstDot dot && isBusinessKey(dot)) {
            return null;
        }
        if (node instanceof AstMethod method && isWorkingDaysFromNow(method)) {
            return null;
        }
        if (node instanceof AstMethod || node instanceof AstDot) {
            return "only ${workingDays.fromNow(n)} may call a method and only #{execution.processBusinessKey} "
                    + "may read a property";
        }
        return "this kind of expression is not allowed (" + node + ")";
    }

    private String children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String refusal = check(node.getChild(i));
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private String variableRead(String name) {
        if (steps.contains(name)) {
            return "the step " + quoted(name) + " may only be a delegate expression";
        }
        if (ENGINE_OBJECTS.contains(name) || isBean.test(name)) {
            return quoted(name) + " is part of the application, not a process variable";
        }
        return null;
    }

    private static boolean isBusinessKey(AstDot dot) {
        return dot.getChild(0) instanceof AstIdentifier prefix && prefix.getName().equals("execution")
                && property(dot).equals("processBusinessKey");
    }

    private boolean isWorkingDaysFromNow(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier bean)
                || !bean.getName().equals("workingDays") || !property(dot).equals("fromNow")) {
            return false;
        }
        Node parameters = method.getChild(1);
        if (parameters.getCardinality() != 1) {
            return false;
        }
        Node days = parameters.getChild(0);
        return days instanceof AstNumber number ? number.toString().matches("\\d+")
                : days instanceof AstIdentifier variable && variable.getName().endsWith("WorkingDays")
                        && variableRead(variable.getName()) == null;
    }

    /** AstDot prints itself as ". name". */
    private static String property(AstDot dot) {
        return dot.toString().replaceFirst("^\\.\\s*", "");
    }

    private static String quoted(String text) {
        String shown = text.length() > 120 ? text.substring(0, 117) + "..." : text;
        return "\"" + shown + "\"";
    }
}
