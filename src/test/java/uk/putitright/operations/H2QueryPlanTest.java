package uk.putitright.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a new H2 database (the embedded default) the engine's look-up of an execution's variables uses the
 * execution's index, not the index of variables without a task (all of them): with the latter, every step of
 * every complaint read every variable of every open process (db/vendor/h2/afterMigrate.sql).
 */
@SpringBootTest
@ActiveProfiles("test")
@DisabledIfEnvironmentVariable(named = "PUTITRIGHT_TEST_DB_URL", matches = ".+")
class H2QueryPlanTest {

    /** The engine's selectVariablesByExecutionId (VariableInstance.xml), its joins and filter. */
    private static final String VARIABLES_OF_EXECUTION = """
            select RES.* from ACT_RU_VARIABLE RES
              left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_
              left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_
            where EXECUTION_ID_ = 'some-execution' and TASK_ID_ is null""";

    @Autowired JdbcTemplate jdbc;

    @Test
    void variablesOfAnExecutionAreFoundThroughItsIndex() {
        String plan = jdbc.queryForObject("explain " + VARIABLES_OF_EXECUTION, String.class);

        assertThat(plan).contains("ACT_FK_VAR_EXE").doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
    }
}
