package uk.putitright.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Every policy check on each of the four policies as deployed, the result asserted per provision, and a
 * deliberately non-compliant policy deployed on top: its rule ids become the evidence of the "no".
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-self-assessment-policy")
class SelfAssessmentPolicyTest {

    private static final ReportPeriod YEAR = ReportPeriod.financialYear(2026, java.time.ZoneId.of("Europe/London"));

    @Autowired SelfAssessmentService selfAssessments;
    @Autowired RepositoryService repository;

    /** The provisions whose policy check says "no", per landlord, with the reason each is expected. */
    private static final Map<String, Set<String>> EXPECTED_NO = Map.of(
            // the informal "put it right" stage (5.2) holds back the Stage 1 clock (6.3); the eight-week wait
            // before the Ombudsman (5.3)
            "chorus-homes", Set.of("5.2", "5.3", "6.3"),
            // County Town Homes follows the New Homes Quality Code: Stage 1 in 20 working days (6.3)
            "housing-plus", Set.of("6.3"),
            // resolving "by the close of the following working day" is an informal stage before Stage 1 (5.2)
            "emh", Set.of("5.2"),
            "hoc-2024", Set.of());

    @Test
    void everyPolicyCheckOnEachLandlordsPolicy() {
        for (var expected : EXPECTED_NO.entrySet()) {
            SelfAssessment sa = selfAssessments.assess(expected.getKey(), YEAR);
            Map<String, String> policy = policyResults(sa);
            assertThat(policy.keySet()).as(expected.getKey() + " checks every policy provision").containsAll(
                    CodeProvision.CODE_2024.stream().filter(p -> p.assessment() == CodeProvision.Assessment.POLICY)
                            .map(CodeProvision::number).toList());
            Set<String> no = policy.entrySet().stream().filter(e -> e.getValue().equals(Finding.NO))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(no).as(expected.getKey() + " policy checks that say no").isEqualTo(expected.getValue());
            policy.forEach((provision, comply) -> assertThat(comply).as(expected.getKey() + " " + provision)
                    .isIn(Finding.YES, Finding.NO));
            // every finding names its evidence, and every "no" says why in plain words
            for (SelfAssessment.Provision p : sa.provisions()) {
                if (p.policy() != null) {
                    assertThat(p.policy().evidence()).as(expected.getKey() + " " + p.provision()).isNotEmpty();
                    if (Finding.NO.equals(p.policy().comply())) {
                        assertThat(p.explanation()).as(expected.getKey() + " " + p.provision()).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void chorusHomesEightWeekWaitIsShownAsAConflictWithTheRuleAsEvidence() {
        SelfAssessment.Provision fiveThree = provision(selfAssessments.assess("chorus-homes", YEAR), "5.3");
        assertThat(fiveThree.comply()).isEqualTo(Finding.NO);
        assertThat(fiveThree.explanation()).contains("8 weeks after the final response", "1 October 2022",
                "can go to the Ombudsman now");
        assertThat(fiveThree.evidence()).extracting(Finding.Evidence::reference)
                .contains("Rule_ChorusHomes_OmbudsmanWaitWeeks", "CallActivity_Stage2");

        SelfAssessment.Provision sixThree = provision(selfAssessments.assess("housing-plus", YEAR), "6.3");
        assertThat(sixThree.explanation()).contains("business line county-town-homes", "20 working days");
        assertThat(sixThree.evidence()).extracting(Finding.Evidence::reference)
                .contains("Rule_HousingPlusCountyTownHomes_Stage1ResponseWorkingDays",
                        "Rule_HousingPlusHomesPlus_Stage1ResponseWorkingDays");

        SelfAssessment.Provision sixThirteen = provision(selfAssessments.assess("housing-plus", YEAR), "6.13");
        assertThat(sixThirteen.comply()).isEqualTo(Finding.YES);
        assertThat(sixThirteen.evidence()).extracting(Finding.Evidence::reference)
                .contains("Rule_HousingPlusHomesPlus_Stage1Group", "Rule_HousingPlusHomesPlus_Stage2ReviewerGroup",
                        "Task_InvestigateComplaint", "Task_ReviewComplaint", "Task_SignOffStage2Response");
    }

    @Test
    void aNonCompliantPolicyTurnsSixTwoAndSixThirteenToNoWithItsRuleIdsAndNeedsReview() throws Exception {
        selfAssessments.approve("hoc-2024", YEAR, new SelfAssessmentService.ApprovalRequest("2027-05-20",
                "Board of Complaint Handling Code 2024", "Pat Member", "The board accepts the assessment."), "dir.test");
        assertThat(selfAssessments.assess("hoc-2024", YEAR).needsReview()).isFalse();

        // acknowledgement in 7 working days, Stage 2 by the same group as Stage 1
        String dmn = Files.readString(Path.of("processes", "complaint-policy.dmn"))
                .replace("Rule_HousingOmbudsmanCode2024", "Rule_NonCompliant");
        dmn = replaceIn(dmn, "Rule_NonCompliant_AcknowledgeWorkingDays", "<text>5</text>", "<text>7</text>");
        dmn = replaceIn(dmn, "Rule_NonCompliant_Stage2ReviewerGroup", "<text>\"heads-of-service\"</text>",
                "<text>\"service-managers\"</text>");
        Deployment deployment = repository.createDeployment().name("non-compliant policy")
                .addString("complaint-policy.dmn", dmn).deploy();
        try {
            SelfAssessment sa = selfAssessments.assess("hoc-2024", YEAR);
            assertThat(policyResults(sa)).containsEntry("6.2", Finding.NO).containsEntry("6.13", Finding.NO);
            assertThat(provision(sa, "6.2").policy().evidence()).extracting(Finding.Evidence::reference)
                    .containsExactly("Rule_NonCompliant_AcknowledgeWorkingDays");
            assertThat(provision(sa, "6.2").explanation()).contains("7 working days", "allows 5");
            assertThat(provision(sa, "6.13").evidence()).extracting(Finding.Evidence::reference)
                    .contains("Rule_NonCompliant_Stage1Group", "Rule_NonCompliant_Stage2ReviewerGroup");
            assertThat(provision(sa, "6.13").explanation()).contains("same group (service-managers)");
            // everything else still complies
            assertThat(policyResults(sa).entrySet().stream().filter(e -> e.getValue().equals(Finding.NO))
                    .map(Map.Entry::getKey)).containsExactlyInAnyOrder("6.2", "6.13");
            // a change of procedure after the approval: the self-assessment needs review (Code 8.3)
            assertThat(sa.needsReview()).isTrue();
            assertThat(sa.reviewReason()).contains("non-compliant policy", "needs review");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(policyResults(selfAssessments.assess("hoc-2024", YEAR))).doesNotContainValue(Finding.NO);
    }

    private static String replaceIn(String dmn, String outputEntryId, String from, String to) {
        int at = dmn.indexOf("id=\"" + outputEntryId + "\"");
        int end = dmn.indexOf("</outputEntry>", at);
        assertThat(at).as(outputEntryId).isPositive();
        return dmn.substring(0, at) + dmn.substring(at, end).replace(from, to) + dmn.substring(end);
    }

    private static Map<String, String> policyResults(SelfAssessment sa) {
        Map<String, String> results = new LinkedHashMap<>();
        sa.provisions().stream().filter(p -> p.policy() != null)
                .forEach(p -> results.put(p.provision(), p.policy().comply()));
        return results;
    }

    private static SelfAssessment.Provision provision(SelfAssessment sa, String number) {
        return sa.provisions().stream().filter(p -> p.provision().equals(number)).findFirst().orElseThrow();
    }

}
