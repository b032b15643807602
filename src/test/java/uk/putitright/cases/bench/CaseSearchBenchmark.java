package uk.putitright.cases.bench;

import static uk.putitright.reports.bench.ComplianceReportBenchmark.percentile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.putitright.cases.CaseAccess;
import uk.putitright.cases.CaseFile;
import uk.putitright.cases.CaseSearch;
import uk.putitright.reports.bench.ComplianceReportBenchmark;
import uk.putitright.reports.bench.HistoryGenerator;

/**
 * Times the real case search ({@link CaseSearch#search}: the page of rows, the total and every filter's counts,
 * and its audit entry, as {@code GET /api/complaints} runs it) and the case page ({@link CaseFile#of}) on the
 * database {@link HistoryGenerator} filled, beside a plain look-up of one complaint by its primary key in the
 * same run. Not a test: the whole application (postgres profile) in this JVM, no HTTP.
 *
 * <pre>mvn -q exec:java -Dexec.classpathScope=test -Dbench.db=putitright_bench \
 *   -Dexec.mainClass=uk.putitright.cases.bench.CaseSearchBenchmark [-Dexec.args="30 3"]</pre>
 * Arguments: measured runs of each kind (30), warm-up runs of each kind (3), and optionally a word: only the
 * kinds whose name contains it (with the baseline), e.g. {@code reference}. Each run takes the next of 200
 * customers drawn at random from the database, so the searches are for real names, postcodes and phones; the
 * kinds take turns run by run, so a busy machine slows all of them alike.
 */
public final class CaseSearchBenchmark {

    /** One customer's details as staff would type them. */
    record Sample(long id, String reference, String name, String postcode, String phone, String email, String address) {
    }

    private CaseSearchBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // a third argument runs only the kinds whose name contains it (and the baseline)
        String only = args.length > 2 ? args[2] : "";
        try (ConfigurableApplicationContext app = ComplianceReportBenchmark.application()) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            CaseSearch search = app.getBean(CaseSearch.class);
            CaseFile caseFile = app.getBean(CaseFile.class);
            List<Sample> samples = jdbc.query("select id, reference, customer_name, search_postcode, customer_phone,"
                    + " customer_email, customer_address from complaint tablesample bernoulli (0.1) repeatable (42)"
                    + " where search_text is not null and customer_phone is not null and customer_email is not null"
                    + " limit 200", (rs, n) -> new Sample(rs.getLong(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));

            Map<String, IntFunction<Long>> kinds = new LinkedHashMap<>();
            kinds.put("lookup by id (baseline)", i -> (long) jdbc.queryForList(
                    "select * from complaint where id = ?", samples.get(i).id()).size());
            ToLongFunction<Map<String, String>> searching = params ->
                    search.search(search.parse(params), CaseAccess.Scope.ALL, "bench").total();
            kinds.put("reference", i -> searching.applyAsLong(Map.of("q", samples.get(i).reference())));
            kinds.put("reference without prefix", i -> searching.applyAsLong(Map.of("q",
                    samples.get(i).reference().substring(4).toLowerCase(Locale.ROOT))));
            // year and the first digits of the number: CHG-2025-0012345 -> 2025-00123 (about 100 complaints)
            kinds.put("partial reference", i -> searching.applyAsLong(Map.of("q",
                    samples.get(i).reference().substring(4, samples.get(i).reference().length() - 2))));
            kinds.put("prefix and year (CHG-2025)", i -> searching.applyAsLong(Map.of("q",
                    samples.get(i).reference().substring(0, 8))));
            kinds.put("full name", i -> searching.applyAsLong(Map.of("q", samples.get(i).name())));
            kinds.put("surname alone", i -> searching.applyAsLong(Map.of("q", surname(samples.get(i)))));
            kinds.put("postcode (no space, lower)", i -> searching.applyAsLong(Map.of("q",
                    samples.get(i).postcode().toLowerCase(Locale.ROOT))));
            kinds.put("name + postcode", i -> searching.applyAsLong(Map.of("q", surname(samples.get(i)) + " "
                    + samples.get(i).postcode())));
            kinds.put("phone (as written)", i -> searching.applyAsLong(Map.of("q", samples.get(i).phone())));
            kinds.put("email (upper case)", i -> searching.applyAsLong(Map.of("q",
                    samples.get(i).email().toUpperCase(Locale.ROOT))));
            kinds.put("address fragment", i -> searching.applyAsLong(Map.of("q",
                    samples.get(i).address().substring(0, samples.get(i).address().indexOf(',')))));
            kinds.put("list: open + overdue", i -> searching.applyAsLong(Map.of("status", "open", "overdue", "true",
                    "page", String.valueOf(i % 5))));
            kinds.put("list: open, Stage 1, one landlord", i -> searching.applyAsLong(Map.of("status", "open",
                    "stage", "stage_1", "landlord", "chorus-homes")));
            kinds.put("list: one landlord, one month", i -> searching.applyAsLong(Map.of("landlord", "emh",
                    "receivedFrom", "2025-0" + (1 + i % 9) + "-01", "receivedTo", "2025-0" + (1 + i % 9) + "-28")));
            kinds.put("list: open, by case handler", i -> searching.applyAsLong(Map.of("status", "open",
                    "handler", "officer" + (1 + i % 40))));
            kinds.put("list: everything (no filter)", i -> searching.applyAsLong(Map.of()));
            kinds.put("case page", i -> (long) caseFile.of(samples.get(i).reference(), "bench").timeline().size());
            kinds.keySet().removeIf(kind -> !kind.contains(only) && !kind.startsWith("lookup by id"));

            Map<String, List<Double>> millis = new LinkedHashMap<>();
            Map<String, Long> found = new LinkedHashMap<>();
            kinds.keySet().forEach(kind -> millis.put(kind, new ArrayList<>()));
            for (int run = 0; run < warmup + runs; run++) {
                int sample = run % samples.size();
                for (var kind : kinds.entrySet()) {
                    long started = System.nanoTime();
                    long rows = kind.getValue().apply(sample);
                    double took = (System.nanoTime() - started) / 1e6;
                    if (run >= warmup) {
                        millis.get(kind.getKey()).add(took);
                        found.merge(kind.getKey(), rows, Long::sum);
                    }
                }
            }

            long total = jdbc.queryForObject("select count(*) from complaint", Long.class);
            System.out.printf("%,d complaints; %d runs of each kind after %d warm-up; %d customers sampled%n", total,
                    runs, warmup, samples.size());
            List<Double> baseline = sorted(millis.get("lookup by id (baseline)"));
            double baseP95 = percentile(baseline, 95);
            System.out.printf("| %-34s | %9s | %9s | %9s | %12s | %12s |%n", "kind", "p50 ms", "p95 ms", "max ms",
                    "p95 / lookup", "mean found");
            for (var kind : millis.entrySet()) {
                List<Double> values = sorted(kind.getValue());
                System.out.printf("| %-34s | %9.1f | %9.1f | %9.1f | %12.0f | %12.0f |%n", kind.getKey(),
                        percentile(values, 50), percentile(values, 95), values.get(values.size() - 1),
                        percentile(values, 95) / baseP95, found.get(kind.getKey()) / (double) runs);
            }
        }
    }

    private static String surname(Sample sample) {
        return sample.name().substring(sample.name().indexOf(' ') + 1);
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }
}
