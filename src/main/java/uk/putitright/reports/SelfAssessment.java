package uk.putitright.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The Complaint Handling Code self-assessment of one landlord over a period, in the Ombudsman's form layout
 * (provision, requirement, comply, evidence, commentary), pre-filled from the deployed policy and the records.
 */
public record SelfAssessment(String landlord, String landlordName, LocalDate from, LocalDate to, Instant generatedAt,
                             String policy, boolean needsReview, String reviewReason, Approval approval,
                             Summary summary, List<Provision> provisions) {

    /**
     * One provision. {@code comply} is the policy and practice findings together (or the complaints officer's
     * answer for a manual one); {@code explanation} says why a check found "no"; {@code commentary} is the
     * complaints officer's, with who wrote it and when.
     */
    public record Provision(String provision, int section, String sectionTitle, String requirement,
                            String assessment, String comply, List<Finding.Evidence> evidence, String explanation,
                            Finding policy, Finding practice, String commentary, String updatedBy,
                            Instant updatedAt) {

        /** The evidence as the form's one column. */
        public String evidenceText() {
            return String.join("\n", evidence.stream().map(Finding.Evidence::toString).toList());
        }

        /** The explanation and the commentary as the form's one column. */
        public String commentaryText() {
            return String.join("\n", java.util.stream.Stream.of(explanation, commentary)
                    .filter(s -> s != null && !s.isBlank()).toList());
        }

        public String complyLabel() {
            return switch (comply) {
                case Finding.YES -> "Yes";
                case Finding.NO -> "No";
                default -> "Not assessed";
            };
        }
    }

    /** The governing body's approval of this period's self-assessment. */
    public record Approval(LocalDate approvedOn, String approvedBy, String memberResponsibleForComplaints,
                           String governingBodyResponse, String recordedBy, Instant recordedAt) {
    }

    public record Summary(long yes, long no, long notAssessed) {
    }

    /** The Code's section titles, in order (for the form's headings). */
    public List<String> sections() {
        return CodeProvision.SECTIONS;
    }
}
