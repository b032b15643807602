package uk.putitright.cases;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The case workspace on the real PostgreSQL server (pg_trgm indexes), as ComplaintApiOnPostgresTest. */
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = {
        "spring.datasource.url=${PUTITRIGHT_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/putitright_test}",
        "putitright.security.secure-cookies=false"})
class CaseWorkspaceOnPostgresTest extends CaseWorkspaceTest {
}
