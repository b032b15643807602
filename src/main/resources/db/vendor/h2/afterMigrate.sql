-- H2 only (spring.flyway.locations picks db/vendor/{vendor}); runs after every migration, so on every start.
--
-- H2 plans a statement from its column statistics when the statement is first prepared, and keeps the plan in
-- each connection's statement cache. On a new database every column has the default selectivity (50), and
-- H2 then answers the engine's variable look-up ("the variables of this execution, not of a task") through
-- the TASK_ID_ index: every process variable has no task, so each look-up walked every variable of every open
-- process. Telling H2 what these columns are like keeps it on the execution's index from the first statement.
-- An ANALYZE (H2 runs one by itself after many changes) replaces these with measured values of the same kind.
ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN EXECUTION_ID_ SELECTIVITY 100;
ALTER TABLE ACT_RU_VARIABLE ALTER COLUMN TASK_ID_ SELECTIVITY 1;
