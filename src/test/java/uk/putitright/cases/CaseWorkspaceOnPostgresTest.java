package uk.putitright.cases;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The case workspace on the real PostgreSQL server (pg_trgm indexes), as ComplaintApiOnPostgresTest. Its own
 * test.database name gives it its own Spring context: sharing one with ComplaintApiOnPostgresTest would leave
 * engine REST pointed at whichever engine a later class registered (Camunda's engine registry is static).
 */
@ActiveProfiles({"test", "postgres"})
@TestPropertySource(properties = {
        "putitright.test.database=putitright-cases-on-postgres",
        "spring.datasource.url=${PUTITRIGHT_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/putitright_test}",
        "putitright.security.secure-cookies=false"})
class CaseWorkspaceOnPostgresTest extends CaseWorkspaceTest {
}
