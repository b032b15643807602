package uk.putitright.migration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import uk.putitright.audit.AuditLog;
import uk.putitright.complaint.ComplaintRepository;

/**
 * Our record of each migration batch: who started it and which instances it moves. The batch's jobs run as the
 * job executor, which knows no user, so when an instance moves ({@link MigrationHistoryPlugin}) the complaint's
 * timeline gets {@code PROCESS_MIGRATED} with the process owner who started the batch, in the job's transaction.
 */
@Service
public class MigrationTimeline {

    static final String ACTION = "PROCESS_MIGRATED";

    /** A batch as recorded when it was started; {@code migrated} counts the instances that have moved. */
    public record Run(String batchId, String processKey, int fromVersion, int toVersion, String startedBy,
            Instant startedAt, int instances, int migrated) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ComplaintRepository complaints;
    private final AuditLog audit;

    MigrationTimeline(NamedParameterJdbcTemplate jdbc, ComplaintRepository complaints, AuditLog audit) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.audit = audit;
    }

    /** Records a batch just created, in the transaction that created it; instances maps id to complaint reference. */
    void started(String batchId, String processKey, int from, int to, String targetDefinitionId, String actor,
            Map<String, String> instances) {
        jdbc.update("insert into migration_batch (batch_id, process_key, from_version, to_version, target_definition_id,"
                + " started_by, started_at, instances) values (:batch, :key, :from, :to, :target, :actor, :at, :n)",
                new MapSqlParameterSource().addValue("batch", batchId).addValue("key", processKey)
                        .addValue("from", from).addValue("to", to).addValue("target", targetDefinitionId)
                        .addValue("actor", actor).addValue("at", Timestamp.from(now()))
                        .addValue("n", instances.size()));
        MapSqlParameterSource[] rows = instances.entrySet().stream().map(instance -> new MapSqlParameterSource()
                .addValue("batch", batchId).addValue("instance", instance.getKey())
                .addValue("reference", instance.getValue())).toArray(MapSqlParameterSource[]::new);
        jdbc.batchUpdate("insert into migration_batch_instance (batch_id, process_instance_id, reference)"
                + " values (:batch, :instance, :reference)", rows);
    }

    /**
     * An instance moved to {@code definitionId}: if one of our batches moves it there, marks it and writes the
     * timeline entry. A dry run (rolled back) and a migration outside our batches find no row and write nothing.
     */
    void instanceMigrated(String processInstanceId, String definitionId) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("instance", processInstanceId)
                .addValue("target", definitionId);
        List<Map<String, Object>> pending = jdbc.queryForList("select b.batch_id, b.process_key, b.from_version,"
                + " b.to_version, b.started_by, i.reference from migration_batch_instance i"
                + " join migration_batch b on b.batch_id = i.batch_id where i.process_instance_id = :instance"
                + " and b.target_definition_id = :target and i.migrated_at is null", params);
        for (Map<String, Object> row : pending) {
            jdbc.update("update migration_batch_instance set migrated_at = :at where batch_id = :batch"
                    + " and process_instance_id = :instance", new MapSqlParameterSource(params.getValues())
                    .addValue("at", Timestamp.from(now())).addValue("batch", row.get("batch_id")));
            Object reference = row.get("reference");
            if (reference != null) {
                complaints.findByReference(reference.toString()).ifPresent(complaint -> audit.record(complaint.getId(),
                        String.valueOf(row.get("started_by")), ACTION, row.get("process_key") + " version "
                                + row.get("from_version") + " to version " + row.get("to_version")));
            }
        }
    }

    Optional<Run> run(String batchId) {
        return runs("where b.batch_id = :value", batchId, 1).stream().findFirst();
    }

    /** The latest batches of a process, newest first. */
    List<Run> runsOf(String processKey, int limit) {
        return runs("where b.process_key = :value", processKey, limit);
    }

    /** References of the batch's instances that have not moved (yet). */
    List<String> notMigrated(String batchId) {
        return jdbc.queryForList("select coalesce(reference, process_instance_id) from migration_batch_instance"
                + " where batch_id = :batch and migrated_at is null order by 1",
                Map.of("batch", batchId), String.class);
    }

    private List<Run> runs(String where, String value, int limit) {
        return jdbc.query("select b.batch_id, b.process_key, b.from_version, b.to_version, b.started_by, b.started_at,"
                + " b.instances, (select count(*) from migration_batch_instance i where i.batch_id = b.batch_id"
                + " and i.migrated_at is not null) as migrated from migration_batch b " + where
                + " order by b.started_at desc, b.batch_id fetch first " + limit + " rows only",
                Map.of("value", value), (rs, n) -> new Run(rs.getString("batch_id"), rs.getString("process_key"),
                        rs.getInt("from_version"), rs.getInt("to_version"), rs.getString("started_by"),
                        rs.getTimestamp("started_at").toInstant(), rs.getInt("instances"), rs.getInt("migrated")));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
