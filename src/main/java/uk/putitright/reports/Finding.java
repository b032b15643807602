package uk.putitright.reports;

import java.util.List;

/**
 * What one check found for one provision: comply {@code yes}, {@code no} or {@code not assessed}, the evidence
 * it rests on and, when it does not comply, a plain explanation.
 */
public record Finding(String comply, List<Evidence> evidence, String explanation) {

    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String NOT_ASSESSED = "not assessed";

    /**
     * One piece of evidence: {@code kind} is dmn, bpmn, template, form, api or history; {@code reference} names
     * it (a DMN rule or output entry id, a BPMN element id, a template name, a complaint reference); detail says
     * what it shows.
     */
    public record Evidence(String kind, String reference, String detail) {

        @Override
        public String toString() {
            return kind + " " + reference + ": " + detail;
        }
    }

    public boolean complies() {
        return YES.equals(comply);
    }

    /** All of these together: no if any is no, else yes if any is yes, else not assessed. */
    public static Finding combine(List<Finding> findings) {
        List<Evidence> evidence = findings.stream().flatMap(f -> f.evidence().stream()).toList();
        String comply = findings.stream().anyMatch(f -> NO.equals(f.comply())) ? NO
                : findings.stream().anyMatch(f -> YES.equals(f.comply())) ? YES : NOT_ASSESSED;
        // a "no" is explained by its failures; a "not assessed" by why the records cannot answer
        String explained = NOT_ASSESSED.equals(comply) ? NOT_ASSESSED : NO;
        String explanation = String.join(" ", findings.stream().filter(f -> explained.equals(f.comply()))
                .map(Finding::explanation).filter(e -> e != null && !e.isBlank()).distinct().toList());
        return new Finding(comply, evidence, explanation.isBlank() ? null : explanation);
    }
}
