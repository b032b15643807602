package uk.putitright.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.putitright.reports.CodeProvision.Assessment;

/**
 * The catalogue keeps the Code 2024's numbers (checked against the Code's text quoted in landlords' published
 * self-assessments and the Ombudsman's own pages; docs/code-self-assessment.md names the sources): a renumbering
 * or a provision moved to another section fails here.
 */
class CodeProvisionTest {

    @Test
    void keyProvisionsKeepTheCodesNumbersAndMeaning() {
        assertThat(requirement("6.2")).contains("Stage 1", "5 working days");
        assertThat(requirement("6.3")).contains("10 working days of the acknowledgement");
        assertThat(requirement("6.11")).contains("Stage 2", "5 working days");
        assertThat(requirement("6.13")).contains("not the person who considered Stage 1");
        assertThat(requirement("6.14")).contains("20 working days");
        assertThat(requirement("5.11")).contains("refuse to escalate");
        assertThat(requirement("2.4")).contains("Ombudsman");
        assertThat(requirement("7.3")).contains("followed through to completion");
        assertThat(requirement("7.4")).contains("remedies guidance");
        assertThat(requirement("8.1")).contains("annual complaints performance and service improvement report");
        assertThat(requirement("8.3")).contains("change of procedure");
        assertThat(requirement("9.1")).contains("service improvements");
        assertThat(requirement("9.5")).contains("Member Responsible for Complaints");
        assertThat(requirement("9.7")).contains("Ombudsman's orders");
        assertThat(requirement("9.8")).contains("standard objective");
    }

    @Test
    void numbersAreUniqueInTheCodesOrderAndTheirSectionIsTheirPrefix() {
        List<String> numbers = CodeProvision.CODE_2024.stream().map(CodeProvision::number).toList();
        assertThat(numbers).doesNotHaveDuplicates().startsWith("1.2").endsWith("9.8");
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(key(numbers.get(i))).as(numbers.get(i - 1) + " before " + numbers.get(i))
                    .isGreaterThan(key(numbers.get(i - 1)));
        }
        CodeProvision.CODE_2024.forEach(p -> assertThat(p.number()).startsWith(p.section() + "."));
        assertThat(CodeProvision.SECTIONS).hasSize(9).contains("Putting things right",
                "Self-assessment, reporting and compliance");
        // the last provision of each section, as the Code 2024 numbers them
        assertThat(numbers).contains("1.6", "2.5", "3.7", "4.3", "5.15", "6.20", "7.4", "9.8");
        assertThat(CodeProvision.find("5.11").orElseThrow().assessment()).isEqualTo(Assessment.PRACTICE);
    }

    private static String requirement(String number) {
        return CodeProvision.find(number).orElseThrow(() -> new AssertionError("no " + number)).requirement();
    }

    private static int key(String number) {
        String[] parts = number.split("\\.");
        return Integer.parseInt(parts[0]) * 100 + Integer.parseInt(parts[1]);
    }
}
