package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluates processes/complaint-policy.dmn with a standalone DMN engine (no Spring, no process engine):
 * one test per rule, plus an unknown landlord that must match no rule.
 */
class ComplaintPolicyDecisionTest {

  private static final Path DMN_FILE = Path.of("processes", "complaint-policy.dmn");

  private static final List<String> OUTPUTS = List.of(
      "acknowledgeWorkingDays", "informalStage", "informalStageWorkingDays",
      "stage1ResponseWorkingDays", "stage1ClockStart", "stage1ExtensionMaxWorkingDays", "stage1Group",
      "stage2AcknowledgeWorkingDays", "stage2ResponseWorkingDays", "stage2ClockStart",
      "stage2ExtensionMaxWorkingDays", "stage2ReviewerGroup", "stage2SignOffRequired", "stage2SignOffGroup",
      "escalationWindowWorkingDays", "icpAvailable", "designatedPersonRoute", "ombudsmanWaitWeeks",
      "ombudsman", "ombudsmanAnyTime", "satisfactionSurvey",
      "breachReviewWorkingDays", "ombudsmanResponseWorkingDays", "designatedPersonResponseWorkingDays",
      "icpReferralWorkingDays", "icpOutcomeWorkingDays");

  private static DmnEngine dmnEngine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseDecision() throws IOException {
    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = openModel()) {
      decision = dmnEngine.parseDecision("complaint-policy", in);
    }
    assertThat(decision.isDecisionTable()).isTrue();
  }

  private static InputStream openModel() throws IOException {
    if (Files.exists(DMN_FILE)) {
      return Files.newInputStream(DMN_FILE);
    }
    InputStream in = ComplaintPolicyDecisionTest.class.getClassLoader()
        .getResourceAsStream("processes/complaint-policy.dmn");
    assertThat(in).as("processes/complaint-policy.dmn on file system or classpath").isNotNull();
    return in;
  }

  private static DmnDecisionTableResult evaluate(String landlord, String businessLine) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("landlord", landlord);
    variables.put("businessLine", businessLine);
    return dmnEngine.evaluateDecisionTable(decision, variables);
  }

  private static Map<String, Object> policy(String landlord, String businessLine) {
    DmnDecisionTableResult result = evaluate(landlord, businessLine);
    assertThat(result).as("exactly one rule (FIRST hit policy) for %s/%s", landlord, businessLine).hasSize(1);
    DmnDecisionRuleResult entries = result.getSingleResult();
    Map<String, Object> values = entries.getEntryMap();
    // every rule sets every output, with the Java types the delegates expect
    assertThat(values).containsOnlyKeys(OUTPUTS.toArray(String[]::new));
    assertThat(values).doesNotContainValue(null);
    for (String name : OUTPUTS) {
      Object value = values.get(name);
      if (name.endsWith("WorkingDays") || name.equals("ombudsmanWaitWeeks")) {
        assertThat(value).as(name).isInstanceOf(Integer.class);
      } else if (name.equals("informalStage") || name.equals("stage2SignOffRequired") || name.equals("icpAvailable")
          || name.equals("designatedPersonRoute") || name.equals("ombudsmanAnyTime") || name.equals("satisfactionSurvey")) {
        assertThat(value).as(name).isInstanceOf(Boolean.class);
      } else {
        assertThat(value).as(name).isInstanceOf(String.class);
      }
    }
    return values;
  }

  @Test
  void chorusHomesHasPutItRightStageTenDayStage2IcpAndEightWeekWait() {
    Map<String, Object> p = policy("chorus-homes", "");
    assertThat(p.get("acknowledgeWorkingDays")).isEqualTo(2);
    assertThat(p.get("informalStage")).isEqualTo(true);
    assertThat(p.get("informalStageWorkingDays")).isEqualTo(5);
    assertThat(p.get("stage1ResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage1ClockStart")).isEqualTo("STAGE_STARTED");
    assertThat(p.get("stage1Group")).isEqualTo("service-managers");
    assertThat(p.get("stage2AcknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("stage2ResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage2ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage2ReviewerGroup")).isEqualTo("heads-of-service");
    assertThat(p.get("stage2SignOffRequired")).isEqualTo(false);
    assertThat(p.get("stage2SignOffGroup")).isEqualTo("");
    assertThat(p.get("icpAvailable")).isEqualTo(true);
    assertThat(p.get("designatedPersonRoute")).isEqualTo(true);
    assertThat(p.get("ombudsmanWaitWeeks")).isEqualTo(8);
    assertThat(p.get("ombudsman")).isEqualTo("HOUSING_OMBUDSMAN");
    assertThat(p.get("ombudsmanAnyTime")).isEqualTo(false);
    assertThat(p.get("satisfactionSurvey")).isEqualTo(false);
    // the task timescales that were written in the BPMN due dates
    assertThat(p.get("breachReviewWorkingDays")).isEqualTo(2);
    assertThat(p.get("ombudsmanResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("designatedPersonResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("icpReferralWorkingDays")).isEqualTo(5);
    assertThat(p.get("icpOutcomeWorkingDays")).isEqualTo(20);
    // any business line gives the same policy
    assertThat(policy("chorus-homes", "care-plus")).isEqualTo(p);
  }

  @Test
  void housingPlusCarePlusGoesToLgscoWithDirectorSignOff() {
    Map<String, Object> p = policy("housing-plus", "care-plus");
    assertThat(p.get("acknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("informalStage")).isEqualTo(false);
    assertThat(p.get("informalStageWorkingDays")).isEqualTo(0);
    assertThat(p.get("stage1ResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage1ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage1Group")).isEqualTo("advocacy");
    assertThat(p.get("stage2ResponseWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage2ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage2ReviewerGroup")).isEqualTo("senior-advocacy");
    assertThat(p.get("stage2SignOffRequired")).isEqualTo(true);
    assertThat(p.get("stage2SignOffGroup")).isEqualTo("directors");
    assertThat(p.get("icpAvailable")).isEqualTo(false);
    assertThat(p.get("ombudsmanWaitWeeks")).isEqualTo(0);
    assertThat(p.get("ombudsman")).isEqualTo("LGSCO");
    assertThat(p.get("ombudsmanAnyTime")).isEqualTo(true);
  }

  @Test
  void housingPlusCountyTownHomesFollowsHomebuilderCode() {
    Map<String, Object> p = policy("housing-plus", "county-town-homes");
    assertThat(p.get("acknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("informalStage")).isEqualTo(false);
    assertThat(p.get("stage1ResponseWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage1ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage1Group")).isEqualTo("advocacy");
    assertThat(p.get("stage2ResponseWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage2SignOffRequired")).isEqualTo(true);
    assertThat(p.get("stage2SignOffGroup")).isEqualTo("directors");
    assertThat(p.get("ombudsman")).isEqualTo("NEW_HOMES_OMBUDSMAN");
    assertThat(p.get("ombudsmanAnyTime")).isEqualTo(false);
    assertThat(p.get("ombudsmanWaitWeeks")).isEqualTo(0);
  }

  @Test
  void housingPlusHomesPlusGoesToHousingOmbudsmanAnyTime() {
    Map<String, Object> p = policy("housing-plus", "homes-plus");
    assertThat(p.get("acknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("informalStage")).isEqualTo(false);
    assertThat(p.get("stage1ResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage1ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage1Group")).isEqualTo("advocacy");
    assertThat(p.get("stage2AcknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("stage2ResponseWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage2ReviewerGroup")).isEqualTo("senior-advocacy");
    assertThat(p.get("stage2SignOffRequired")).isEqualTo(true);
    assertThat(p.get("stage2SignOffGroup")).isEqualTo("directors");
    assertThat(p.get("ombudsman")).isEqualTo("HOUSING_OMBUDSMAN");
    assertThat(p.get("ombudsmanAnyTime")).isEqualTo(true);
    // same as Care Plus except the Ombudsman
    Map<String, Object> carePlus = new HashMap<>(policy("housing-plus", "care-plus"));
    carePlus.put("ombudsman", "HOUSING_OMBUDSMAN");
    assertThat(p).isEqualTo(carePlus);
  }

  @Test
  void housingPlusWithEmptyOrUnknownBusinessLineDefaultsToHomesPlus() {
    Map<String, Object> homesPlus = policy("housing-plus", "homes-plus");
    assertThat(policy("housing-plus", "")).isEqualTo(homesPlus);
    assertThat(policy("housing-plus", null)).isEqualTo(homesPlus);
    assertThat(policy("housing-plus", "property-plus")).isEqualTo(homesPlus);
  }

  @Test
  void emhAcknowledgesAtFirstContactAndCountsStage1FromReceipt() {
    Map<String, Object> p = policy("emh", "");
    assertThat(p.get("acknowledgeWorkingDays")).isEqualTo(0);
    assertThat(p.get("informalStage")).isEqualTo(true);
    assertThat(p.get("informalStageWorkingDays")).isEqualTo(1);
    assertThat(p.get("stage1ResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage1ClockStart")).isEqualTo("RECEIVED");
    assertThat(p.get("stage1Group")).isEqualTo("service-managers");
    assertThat(p.get("stage2ResponseWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage2ClockStart")).isEqualTo("ESCALATION_REQUESTED");
    assertThat(p.get("stage2ReviewerGroup")).isEqualTo("heads-of-service");
    assertThat(p.get("stage2SignOffRequired")).isEqualTo(false);
    assertThat(p.get("icpAvailable")).isEqualTo(false);
    assertThat(p.get("designatedPersonRoute")).isEqualTo(true);
    assertThat(p.get("ombudsmanWaitWeeks")).isEqualTo(0);
    assertThat(p.get("ombudsman")).isEqualTo("HOUSING_OMBUDSMAN");
    assertThat(p.get("ombudsmanAnyTime")).isEqualTo(false);
    assertThat(p.get("satisfactionSurvey")).isEqualTo(true);
  }

  @Test
  void hoc2024AppliesTheComplaintHandlingCodeDefaults() {
    Map<String, Object> p = policy("hoc-2024", "");
    assertThat(p.get("acknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("informalStage")).isEqualTo(false);
    assertThat(p.get("informalStageWorkingDays")).isEqualTo(0);
    assertThat(p.get("stage1ResponseWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage1ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage1ExtensionMaxWorkingDays")).isEqualTo(10);
    assertThat(p.get("stage1Group")).isEqualTo("service-managers");
    assertThat(p.get("stage2AcknowledgeWorkingDays")).isEqualTo(5);
    assertThat(p.get("stage2ResponseWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage2ClockStart")).isEqualTo("ACKNOWLEDGED");
    assertThat(p.get("stage2ExtensionMaxWorkingDays")).isEqualTo(20);
    assertThat(p.get("stage2ReviewerGroup")).isEqualTo("heads-of-service");
    assertThat(p.get("stage2SignOffRequired")).isEqualTo(false);
    assertThat(p.get("stage2SignOffGroup")).isEqualTo("");
    assertThat(p.get("escalationWindowWorkingDays")).isEqualTo(20);
    assertThat(p.get("icpAvailable")).isEqualTo(false);
    assertThat(p.get("designatedPersonRoute")).isEqualTo(false);
    assertThat(p.get("ombudsmanWaitWeeks")).isEqualTo(0);
    assertThat(p.get("ombudsman")).isEqualTo("HOUSING_OMBUDSMAN");
    assertThat(p.get("ombudsmanAnyTime")).isEqualTo(true);
    assertThat(p.get("satisfactionSurvey")).isEqualTo(false);
  }

  @Test
  void unknownLandlordMatchesNoRule() {
    DmnDecisionTableResult result = evaluate("acme-housing", "");
    assertThat(result).isEmpty();
    assertThat(result.getSingleResult()).isNull();
    assertThat(evaluate("Chorus-Homes", "")).as("landlord ids are case-sensitive").isEmpty();
  }
}
