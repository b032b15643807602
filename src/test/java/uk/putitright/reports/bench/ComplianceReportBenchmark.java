package uk.putitright.reports.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.putitright.PutItRightApplication;
import uk.putitright.reports.ComplianceReport;
import uk.putitright.reports.ComplianceReportService;
import uk.putitright.reports.ReportPeriod;

/**
 * Times the real {@link ComplianceReportService} (the whole application, postgres profile) on the database
 * {@link HistoryGenerator} filled: a financial year's report for one landlord, after warm-up runs, as median
 * and 95th percentile.
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=uk.putitright.reports.bench.ComplianceReportBenchmark [-Dexec.args="chorus-homes 2025 20"]</pre>
 * Arguments: landlord (default chorus-homes), the year the financial year starts (default 2025), runs (20).
 */
public final class ComplianceReportBenchmark {

    private ComplianceReportBenchmark() {
    }

    public static void main(String[] args) {
        String landlord = args.length > 0 ? args[0] : "chorus-homes";
        int year = args.length > 1 ? Integer.parseInt(args[1]) : 2025;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        try (ConfigurableApplicationContext app = application()) {
            ComplianceReportService reports = app.getBean(ComplianceReportService.class);
            ReportPeriod period = reports.financialYear(year);
            ComplianceReport report = null;
            for (int i = 0; i < 5; i++) {
                report = reports.report(landlord, period);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long started = System.nanoTime();
                reports.report(landlord, period);
                millis.add((System.nanoTime() - started) / 1e6);
            }
            Collections.sort(millis);
            long total = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from complaint", Long.class);
            System.out.printf("%d complaints in the database; report for %s, %s to %s%n", total, landlord,
                    period.from(), period.to());
            System.out.printf("received %d, CH01 stage 1 %d / stage 2 %d, CH02 stage 1 %d of %d (%s%%), stage 2 %d of %d"
                            + " (%s%%), breaches %s%n", report.received().total(),
                    report.ch01().stage1().complaints(), report.ch01().stage2().complaints(),
                    report.ch02().stage1().withinTimescale(), report.ch02().stage1().responses(),
                    report.ch02().stage1().percentWithinTimescale(), report.ch02().stage2().withinTimescale(),
                    report.ch02().stage2().responses(), report.ch02().stage2().percentWithinTimescale(),
                    report.breachesByDeadline());
            System.out.printf("%d runs after 5 warm-up: median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms%n",
                    runs, percentile(millis, 50), percentile(millis, 95), millis.get(0), millis.get(millis.size() - 1));
        }
    }

    /** The whole application (postgres profile) on the generated database, no job executor, a random port. */
    public static ConfigurableApplicationContext application() {
        return new SpringApplicationBuilder(PutItRightApplication.class)
                .profiles("postgres")
                // as arguments: they must win over application-postgres.yaml
                .run("--spring.datasource.url=" + HistoryGenerator.url(HistoryGenerator.DATABASE),
                        "--spring.datasource.username=" + HistoryGenerator.USER,
                        "--spring.datasource.password=" + HistoryGenerator.PASSWORD,
                        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                        "--logging.level.root=warn");
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
