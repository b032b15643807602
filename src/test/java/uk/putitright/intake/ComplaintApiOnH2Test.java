package uk.putitright.intake;

import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The journey on H2; when the whole suite runs on PostgreSQL, ComplaintApiOnPostgresTest is this test there. */
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-api")
@DisabledIfEnvironmentVariable(named = "PUTITRIGHT_TEST_DB_URL", matches = ".+")
class ComplaintApiOnH2Test extends ComplaintApiEndToEndTest {
}
