package uk.putitright.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.intake.InvalidFieldException;
import uk.putitright.reports.CodeProvision.Assessment;

/**
 * Fills the self-assessment: {@link PolicyChecks} and {@link PracticeChecks} for what software can check, the
 * complaints officer's latest entries for the rest and for commentary, and the governing body's approval. A
 * deployment after the approval (a change of procedure, Code 8.3) marks it as needing review.
 */
@Service
public class SelfAssessmentService {

    static final int TEXT_LIMIT = 4000;

    private final PolicyChecks policyChecks;
    private final PracticeChecks practiceChecks;
    private final ComplianceReportService reports;
    private final LandlordProperties landlords;
    private final NamedParameterJdbcTemplate jdbc;

    SelfAssessmentService(PolicyChecks policyChecks, PracticeChecks practiceChecks, ComplianceReportService reports,
                          LandlordProperties landlords, NamedParameterJdbcTemplate jdbc) {
        this.policyChecks = policyChecks;
        this.practiceChecks = practiceChecks;
        this.reports = reports;
        this.landlords = landlords;
        this.jdbc = jdbc;
    }

    /** What the complaints officer may write for a provision; null leaves a part as it was. */
    public record Entry(String comply, String evidence, String commentary) {
    }

    /** The governing body's approval as recorded. */
    public record ApprovalRequest(String approvedOn, String approvedBy, String memberResponsibleForComplaints,
                                  String governingBodyResponse) {
    }

    @Transactional(readOnly = true)
    public SelfAssessment assess(String landlordKey, ReportPeriod period) {
        String landlord = reports.landlordOrDefault(landlordKey);
        Map<String, Finding> policy = policyChecks.check(landlord);
        Map<String, Finding> practice = PracticeChecks.findings(practiceChecks.check(landlord, period));
        Map<String, StoredEntry> entries = latestEntries(landlord);

        List<SelfAssessment.Provision> provisions = new ArrayList<>();
        for (CodeProvision p : CodeProvision.CODE_2024) {
            Finding fromPolicy = policy.get(p.number());
            Finding fromPractice = practice.get(p.number());
            StoredEntry entry = entries.get(p.number());
            List<Finding> checked = new ArrayList<>();
            if (fromPolicy != null) {
                checked.add(fromPolicy);
            }
            if (fromPractice != null) {
                checked.add(fromPractice);
            }
            Finding found = checked.isEmpty() ? null : Finding.combine(checked);
            List<Finding.Evidence> evidence = new ArrayList<>(found == null ? List.of() : found.evidence());
            if (entry != null && entry.evidence() != null) {
                evidence.add(new Finding.Evidence("manual", entry.recordedBy(), entry.evidence()));
            }
            String comply = found != null && !Finding.NOT_ASSESSED.equals(found.comply()) ? found.comply()
                    : entry != null && entry.comply() != null ? entry.comply() : Finding.NOT_ASSESSED;
            String explanation = found == null ? null : found.explanation();
            if (found == null && p.assessment() != Assessment.MANUAL && entry == null) {
                explanation = "No automatic check covers this provision yet: the complaints officer records the"
                        + " evidence.";
            }
            provisions.add(new SelfAssessment.Provision(p.number(), p.section(), p.sectionTitle(), p.requirement(),
                    p.assessment().label(), comply, evidence, explanation, fromPolicy, fromPractice,
                    entry == null ? null : entry.commentary(), entry == null ? null : entry.recordedBy(),
                    entry == null ? null : entry.recordedAt()));
        }
        SelfAssessment.Approval approval = approval(landlord, period);
        Deployment latest = policyChecks.latestDeployment();
        boolean needsReview = approval == null || latest != null
                && latest.getDeploymentTime().toInstant().isAfter(approval.recordedAt());
        String reviewReason = approval == null ? "Not yet approved by the governing body."
                : needsReview ? "A new policy or model was deployed (" + latest.getName() + ", "
                + latest.getDeploymentTime().toInstant() + ") after the governing body's approval: the procedure"
                + " changed, so the self-assessment needs review (Code 8.3)." : null;
        return new SelfAssessment(landlord, landlords.get(landlord).name(), period.from(), period.to(),
                ClockUtil.getCurrentTime().toInstant(), policyChecks.deployedPolicy(), needsReview, reviewReason,
                approval, new SelfAssessment.Summary(count(provisions, Finding.YES), count(provisions, Finding.NO),
                count(provisions, Finding.NOT_ASSESSED)), provisions);
    }

    @Transactional
    public void record(String landlordKey, String number, Entry entry, String user) {
        String landlord = reports.landlordOrDefault(landlordKey);
        CodeProvision provision = CodeProvision.find(number == null ? "" : number.strip())
                .orElseThrow(() -> new InvalidFieldException("provision", "is not a provision of the Code 2024"));
        if (entry == null || entry.comply() == null && entry.evidence() == null && entry.commentary() == null) {
            throw new InvalidFieldException("commentary", "give comply, evidence or commentary");
        }
        String comply = entry.comply() == null ? null : entry.comply().strip().toLowerCase(java.util.Locale.ROOT);
        if (comply != null && !List.of(Finding.YES, Finding.NO, Finding.NOT_ASSESSED).contains(comply)) {
            throw new InvalidFieldException("comply", "must be yes, no or not assessed");
        }
        if (comply != null && provision.assessment() == Assessment.POLICY) {
            throw new InvalidFieldException("comply", "is worked out from the deployed policy for " + number
                    + ": write evidence or commentary instead");
        }
        text("evidence", entry.evidence());
        text("commentary", entry.commentary());
        StoredEntry previous = latestEntries(landlord).get(provision.number());
        jdbc.update("""
                insert into self_assessment_entry (landlord, provision, comply, evidence, commentary, recorded_by,
                                                   recorded_at)
                values (:landlord, :provision, :comply, :evidence, :commentary, :user, :at)""",
                new MapSqlParameterSource().addValue("landlord", landlord).addValue("provision", provision.number())
                        .addValue("comply", keep(comply, previous == null ? null : previous.comply()))
                        .addValue("evidence", keep(entry.evidence(), previous == null ? null : previous.evidence()))
                        .addValue("commentary", keep(entry.commentary(),
                                previous == null ? null : previous.commentary()))
                        .addValue("user", user).addValue("at", now()));
    }

    @Transactional
    public void approve(String landlordKey, ReportPeriod period, ApprovalRequest request, String user) {
        String landlord = reports.landlordOrDefault(landlordKey);
        if (request == null) {
            throw new InvalidFieldException("approvedOn", "is required (YYYY-MM-DD)");
        }
        LocalDate approvedOn;
        try {
            approvedOn = LocalDate.parse(required("approvedOn", request.approvedOn()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException("approvedOn", "must be a date as YYYY-MM-DD");
        }
        String approvedBy = required("approvedBy", request.approvedBy());
        String member = required("memberResponsibleForComplaints", request.memberResponsibleForComplaints());
        text("approvedBy", approvedBy);
        text("memberResponsibleForComplaints", member);
        text("governingBodyResponse", request.governingBodyResponse());
        jdbc.update("""
                insert into self_assessment_approval (landlord, period_from, period_to, approved_on, approved_by,
                    member_responsible, governing_body_response, recorded_by, recorded_at)
                values (:landlord, :from, :to, :approvedOn, :approvedBy, :member, :response, :user, :at)""",
                new MapSqlParameterSource().addValue("landlord", landlord).addValue("from", period.from())
                        .addValue("to", period.to()).addValue("approvedOn", approvedOn)
                        .addValue("approvedBy", approvedBy).addValue("member", member)
                        .addValue("response", blankToNull(request.governingBodyResponse()))
                        .addValue("user", user).addValue("at", now()));
    }

    /** The latest approval of exactly this period, or null. */
    SelfAssessment.Approval approval(String landlord, ReportPeriod period) {
        List<SelfAssessment.Approval> found = jdbc.query("""
                select approved_on, approved_by, member_responsible, governing_body_response, recorded_by, recorded_at
                from self_assessment_approval where landlord = :landlord and period_from = :from and period_to = :to
                order by recorded_at desc, id desc fetch first 1 rows only""",
                new MapSqlParameterSource().addValue("landlord", landlord).addValue("from", period.from())
                        .addValue("to", period.to()),
                (rs, i) -> new SelfAssessment.Approval(rs.getObject("approved_on", LocalDate.class),
                        rs.getString("approved_by"), rs.getString("member_responsible"),
                        rs.getString("governing_body_response"), rs.getString("recorded_by"), instant(rs, "recorded_at")));
        return found.isEmpty() ? null : found.get(0);
    }

    private record StoredEntry(String comply, String evidence, String commentary, String recordedBy,
                               Instant recordedAt) {
    }

    private Map<String, StoredEntry> latestEntries(String landlord) {
        Map<String, StoredEntry> latest = new HashMap<>();
        jdbc.query("""
                select provision, comply, evidence, commentary, recorded_by, recorded_at from self_assessment_entry
                where landlord = :landlord order by recorded_at, id""",
                new MapSqlParameterSource("landlord", landlord), rs -> {
                    latest.put(rs.getString("provision"), new StoredEntry(rs.getString("comply"),
                            rs.getString("evidence"), rs.getString("commentary"), rs.getString("recorded_by"),
                            instant(rs, "recorded_at")));
                });
        return latest;
    }

    private static long count(List<SelfAssessment.Provision> provisions, String comply) {
        return provisions.stream().filter(p -> comply.equals(p.comply())).count();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String keep(String given, String previous) {
        return given == null ? previous : blankToNull(given);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return value.strip();
    }

    private static void text(String field, String value) {
        if (value != null && value.length() > TEXT_LIMIT) {
            throw new InvalidFieldException(field, "must be at most " + TEXT_LIMIT + " characters");
        }
    }
}
