package uk.putitright.intake;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The same journey on the real PostgreSQL server at 127.0.0.1:5432 (database putitright_test, see .ci/run). */
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = {
        "spring.datasource.url=${PUTITRIGHT_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/putitright_test}",
        // the production profile's Secure cookies would not come back over the test's plain http
        "putitright.security.secure-cookies=false"})
class ComplaintApiOnPostgresTest extends ComplaintApiEndToEndTest {
}
