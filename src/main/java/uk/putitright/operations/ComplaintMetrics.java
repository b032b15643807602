package uk.putitright.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;

/**
 * What a complaints manager and the on-call engineer watch, at /actuator/prometheus:
 * <ul>
 * <li>{@code putitright_complaints_open{stage}}: open complaints per stage;</li>
 * <li>{@code putitright_breaches_total{deadline}}: missed deadlines recorded, by deadline type;</li>
 * <li>{@code putitright_jobs_due}: engine jobs due now (timers, letters, async steps): a growing number means
 * the job executor is not keeping up or not running;</li>
 * <li>{@code putitright_jobs_failed}: jobs with no retries left, each an incident in Cockpit.</li>
 * </ul>
 * Each is a count query, read through one cache per {@code putitright.operations.metrics-cache}.
 */
@Component
class ComplaintMetrics implements MeterBinder {

    private final CachedValue<Counts> counts;

    ComplaintMetrics(JdbcTemplate jdbc, ManagementService management,
                     @Value("${putitright.operations.metrics-cache:30s}") Duration maxAge) {
        this.counts = new CachedValue<>(() -> Counts.read(jdbc, management), maxAge, Clock.systemUTC());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            Gauge.builder("putitright.complaints.open", counts, c -> c.get().openByStage().getOrDefault(stage, 0L))
                    .description("Open complaints at this stage").tag("stage", stage.name()).register(registry);
        }
        for (DeadlineType deadline : DeadlineType.values()) {
            FunctionCounter.builder("putitright.breaches", counts,
                            c -> c.get().breachesByDeadline().getOrDefault(deadline, 0L))
                    .description("Missed deadlines recorded").tag("deadline", deadline.name()).register(registry);
        }
        Gauge.builder("putitright.jobs.due", counts, c -> c.get().jobsDue())
                .description("Engine jobs due now and not yet executed").register(registry);
        Gauge.builder("putitright.jobs.failed", counts, c -> c.get().jobsFailed())
                .description("Engine jobs with no retries left (incidents)").register(registry);
    }

    record Counts(Map<Stage, Long> openByStage, Map<DeadlineType, Long> breachesByDeadline, long jobsDue,
                  long jobsFailed) {

        static Counts read(JdbcTemplate jdbc, ManagementService management) {
            Map<Stage, Long> open = new EnumMap<>(Stage.class);
            jdbc.query("select stage, count(*) from complaint where status = 'OPEN' group by stage",
                    row -> {
                        open.put(Stage.valueOf(row.getString(1)), row.getLong(2));
                    });
            Map<DeadlineType, Long> breaches = new EnumMap<>(DeadlineType.class);
            jdbc.query("select deadline, count(*) from complaint_breach group by deadline",
                    row -> {
                        breaches.put(DeadlineType.valueOf(row.getString(1)), row.getLong(2));
                    });
            return new Counts(open, breaches, management.createJobQuery().executable().count(),
                    management.createJobQuery().noRetriesLeft().count());
        }
    }
}
