package uk.putitright.cases;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The case workspace on H2 (the search's fallback without trigram indexes). */
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-cases")
@DisabledIfEnvironmentVariable(named = "PUTITRIGHT_TEST_DB_URL", matches = ".+")
class CaseWorkspaceOnH2Test extends CaseWorkspaceTest {
}
