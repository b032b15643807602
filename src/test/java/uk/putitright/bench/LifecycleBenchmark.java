package uk.putitright.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.putitright.PutItRightApplication;
import uk.putitright.intake.ComplaintIntake;

/**
 * Full complaint lifecycles per second through the real process, beside a bare-engine baseline of the same
 * shape in the same JVM and engine, on H2 and PostgreSQL, with 1 and 8 client threads. Not a test: run it with
 * {@code mvn -o -Pbench verify} (see the docs/benchmarks.md) or as a main class on the test
 * classpath. Options: {@code --db=h2|postgres|both --threads=1,8 --warmup=200 --seconds=10 --rounds=3
 * --pg=127.0.0.1:5432 --pg-user=postgres --pg-password= --pg-database=putitright_bench_lifecycle --commits=0}. With
 * {@code --commits=N} (PostgreSQL) it first counts the database's commits (pg_stat_database.xact_commit) over N
 * lifecycles of each, one thread.
 *
 * <p>Each client thread runs whole lifecycles one after another with the job executor off, executing the
 * lifecycle's jobs itself. Product and bare runs alternate (and swap order every round), so drift on a busy
 * machine affects both; a configuration's figure is all its lifecycles over all its runs' time.
 */
public final class LifecycleBenchmark {

    /** The settings of application.yaml's default H2 URL, for the benchmark's own file. */
    private static final String H2_SETTINGS = ";QUERY_CACHE_SIZE=256";
    private static final String SERVICE_MANAGERS = "service-managers";

    private final Map<String, String> options;
    private final AtomicLong numbers = new AtomicLong();

    private LifecycleBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("db", "both", "threads", "1,8", "warmup", "200",
                "seconds", "10", "rounds", "3", "pg", "127.0.0.1:5432", "pg-user", "postgres", "pg-password", ""));
        options.put("commits", "0");
        options.put("pg-database", "putitright_bench_lifecycle");
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, not " + arg);
            }
            String name = arg.substring(2, arg.indexOf('='));
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + options.keySet());
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        new LifecycleBenchmark(options).run();
    }

    private void run() throws Exception {
        List<String> databases = switch (options.get("db")) {
            case "both" -> List.of("h2", "postgres");
            case "h2", "postgres" -> List.of(options.get("db"));
            default -> throw new IllegalArgumentException("--db must be h2, postgres or both");
        };
        int[] threadCounts = Arrays.stream(options.get("threads").split(",")).map(String::strip)
                .mapToInt(Integer::parseInt).toArray();
        printHeader();
        List<Result> results = new ArrayList<>();
        for (String db : databases) {
            results.addAll(measure(db, threadCounts));
        }
        printResults(results);
    }

    // ------------------------------------------------------------------------------------------ one database

    private List<Result> measure(String db, int[] threadCounts) throws Exception {
        long warmup = Long.parseLong(options.get("warmup"));
        long runNanos = Long.parseLong(options.get("seconds")) * 1_000_000_000L;
        int rounds = Integer.parseInt(options.get("rounds"));
        int maxThreads = Arrays.stream(threadCounts).max().orElse(1);

        System.out.printf("%n== %s: starting the application%n", db);
        try (ConfigurableApplicationContext context = start(db)) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            deployBaseline(engine.getRepositoryService());
            addCaseHandlers(engine.getIdentityService());
            var driver = new LifecycleDriver(engine.getRuntimeService(), engine.getTaskService(),
                    engine.getManagementService());
            Lifecycle product = new ProductLifecycle(driver, context.getBean(ComplaintIntake.class),
                    context.getBean(JdbcTemplate.class));
            Lifecycle bare = new BareLifecycle(driver, engine.getRuntimeService());
            System.out.printf("   application started; heap after GC %s%n", heap());

            for (Lifecycle lifecycle : List.of(product, bare)) {
                Run warm = runCount(lifecycle, maxThreads, warmup);
                System.out.printf("   warm-up %-7s %5d lifecycles, %d threads, %6.1f s%s%n", lifecycle.name(),
                        warm.times.lifecycles, maxThreads, warm.seconds(), warm.failureNote());
            }

            long commitLifecycles = Long.parseLong(options.get("commits"));
            if (db.equals("postgres") && commitLifecycles > 0) {
                countCommits(List.of(product, bare), commitLifecycles, context.getBean(HikariDataSource.class));
            }

            Map<String, Result> byConfig = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int threads : threadCounts) {
                    List<Lifecycle> order = round % 2 == 1 ? List.of(product, bare) : List.of(bare, product);
                    for (Lifecycle lifecycle : order) {
                        long lettersBefore = lifecycle.lettersInOutbox();
                        Run run = runTimed(lifecycle, threads, runNanos);
                        long letters = lifecycle.lettersInOutbox() - lettersBefore;
                        MemoryUsage heap = heapAfterGc();
                        Result result = byConfig.computeIfAbsent(db + "/" + threads + "/" + lifecycle.name(),
                                key -> new Result(db, threads, lifecycle.name()));
                        result.add(run, letters, heap);
                        System.out.printf("   round %d  %-7s %2d threads  %5d lifecycles in %5.1f s = %7.2f/s  heap %s%s%n",
                                round, lifecycle.name(), threads, run.times.lifecycles, run.seconds(),
                                run.times.lifecycles / run.seconds(), format(heap), run.failureNote());
                    }
                }
            }
            return List.copyOf(byConfig.values());
        }
    }

    /**
     * Commits per lifecycle, product and bare, one thread: the database's xact_commit before and after N
     * lifecycles. PostgreSQL 15 counts a backend's commits in pg_stat_database only when that backend flushes
     * its statistics (when idle, up to 10 s late, and always when it ends), so before each reading the pool's
     * connections are closed and the reading waits until their backends are gone; each reading is one commit of
     * its own connection, counted by the next (taken off). Autovacuum's workers commit in the same database (a
     * transaction per table) as often as the rows change, so it is off for the database's tables while counting.
     */
    private void countCommits(List<Lifecycle> lifecycles, long count, HikariDataSource pool) throws Exception {
        autovacuum(false);
        try {
            countEach(lifecycles, count, pool);
        } finally {
            autovacuum(true);
        }
    }

    private void countEach(List<Lifecycle> lifecycles, long count, HikariDataSource pool) throws Exception {
        for (Lifecycle lifecycle : lifecycles) {
            long before = flushedCommits(pool);
            StepTimes times = new StepTimes();
            for (long i = 0; i < count; i++) {
                lifecycle.run(numbers.incrementAndGet(), times);
            }
            long after = flushedCommits(pool);
            System.out.printf(Locale.ROOT, "   commits   %-7s %6.1f per lifecycle (xact_commit +%d over %d lifecycles),"
                    + " %.1f jobs, %.1f task completions per lifecycle%n", lifecycle.name(),
                    (after - before - 1.0) / count, after - before, count, (double) times.jobs / count,
                    (double) times.taskCompletions / count);
        }
    }

    private void autovacuum(boolean on) throws Exception {
        String set = on ? "reset (autovacuum_enabled, toast.autovacuum_enabled)"
                : "set (autovacuum_enabled = false, toast.autovacuum_enabled = false)";
        try (Connection connection = DriverManager.getConnection(postgresUrl(options.get("pg-database")),
                options.get("pg-user"), options.get("pg-password")); Statement statement = connection.createStatement()) {
            statement.execute("do $$ declare t record; begin for t in select tablename from pg_tables"
                    + " where schemaname = current_schema() loop execute format('alter table %I " + set + "',"
                    + " t.tablename); end loop; end $$");
        }
    }

    /**
     * One transaction, so the waiting's queries are one commit: the time, the pool's connections closed, then
     * until every backend older than that time (the evicted pool, an autovacuum worker) has ended; the pool's
     * new connections are the same few on both sides.
     */
    private long flushedCommits(HikariDataSource pool) throws Exception {
        String database = options.get("pg-database");
        try (Connection connection = DriverManager.getConnection(postgresUrl(database), options.get("pg-user"),
                options.get("pg-password"))) {
            connection.setAutoCommit(false);
            java.sql.Timestamp evicted;
            try (Statement statement = connection.createStatement();
                 var now = statement.executeQuery("select clock_timestamp()")) {
                now.next();
                evicted = now.getTimestamp(1);
            }
            pool.getHikariPoolMXBean().softEvictConnections();
            long older = -1;
            try (var others = connection.prepareStatement("select pg_stat_clear_snapshot(), (select count(*)"
                    + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                    + " and backend_start < ?)")) {
                others.setTimestamp(1, evicted);
                for (int wait = 0; wait < 600 && older != 0; wait++) {
                    Thread.sleep(100);
                    try (var result = others.executeQuery()) {
                        result.next();
                        older = result.getLong(2);
                    }
                }
            }
            if (older != 0) {
                System.out.printf("   (%d older backends still open after 60 s: their commits are not in this reading)%n",
                        older);
            }
            try (Statement statement = connection.createStatement();
                 var commits = statement.executeQuery("select pg_stat_clear_snapshot(), (select xact_commit"
                         + " from pg_stat_database where datname = current_database())")) {
                commits.next();
                long count = commits.getLong(2);
                connection.commit();
                return count;
            }
        }
    }

    private ConfigurableApplicationContext start(String db) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                // no profile file: not "dev" (demo users and complaints), not "test" (GreenMail's port)
                "--spring.profiles.active=bench",
                "--spring.main.banner-mode=off",
                // a random free port: nothing here may take 8080 from a running app
                "--server.port=0",
                // the benchmark thread runs each lifecycle's jobs itself, as the process tests do
                "--camunda.bpm.job-execution.enabled=false",
                "--putitright.landlord=" + ProductLifecycle.LANDLORD,
                "--logging.level.root=WARN",
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, maxThreads() + 2)));
        if (db.equals("h2")) {
            Path dir = Path.of("target", "bench", "h2").toAbsolutePath();
            deleteRecursively(dir);
            args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("putitright") + H2_SETTINGS);
        } else {
            recreatePostgresDatabase();
            args.add("--spring.datasource.url=" + postgresUrl(options.get("pg-database")));
            args.add("--spring.datasource.username=" + options.get("pg-user"));
            args.add("--spring.datasource.password=" + options.get("pg-password"));
        }
        return new SpringApplicationBuilder(PutItRightApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(BareLifecycleStep.BEAN_NAME, new BareLifecycleStep()))
                .run(args.toArray(String[]::new));
    }

    private int maxThreads() {
        return Arrays.stream(options.get("threads").split(",")).map(String::strip).mapToInt(Integer::parseInt)
                .max().orElse(1);
    }

    private static void deployBaseline(RepositoryService repository) {
        repository.createDeployment().name("bench-bare-lifecycle")
                .addClasspathResource("bench/bare-lifecycle.bpmn")
                .addClasspathResource("bench/bare-lifecycle-stage.bpmn")
                .enableDuplicateFiltering(true)
                .deploy();
    }

    /** A few service managers, so assignment picks the least loaded one as it does in a real installation. */
    private static void addCaseHandlers(IdentityService identity) {
        for (String id : List.of("bench.manager1", "bench.manager2", "bench.manager3")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                var user = identity.newUser(id);
                user.setFirstName("Bench");
                user.setLastName(id.substring(id.indexOf('.') + 1));
                user.setPassword(id);
                identity.saveUser(user);
                identity.createMembership(id, SERVICE_MANAGERS);
            }
        }
    }

    private String postgresUrl(String database) {
        return "jdbc:postgresql://" + options.get("pg") + "/" + database;
    }

    /** A fresh, empty database for every run, so earlier runs' rows never slow this one. */
    private void recreatePostgresDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgresUrl("postgres"), options.get("pg-user"),
                options.get("pg-password")); Statement statement = connection.createStatement()) {
            String database = options.get("pg-database");
            if (!database.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException("--pg-database takes a plain name, not " + database);
            }
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ running

    /** What the client threads of one run did. */
    private static final class Run {
        final StepTimes times = new StepTimes();
        final AtomicLong failures = new AtomicLong();
        final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        long nanos;

        double seconds() {
            return nanos / 1e9;
        }

        String failureNote() {
            return failures.get() == 0 ? "" : "  FAILED " + failures.get() + ": " + firstFailure.get();
        }
    }

    private Run runTimed(Lifecycle lifecycle, int threads, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        return runWhile(lifecycle, threads, () -> System.nanoTime() < end);
    }

    private Run runCount(Lifecycle lifecycle, int threads, long count) throws Exception {
        AtomicLong left = new AtomicLong(count);
        return runWhile(lifecycle, threads, () -> left.getAndDecrement() > 0);
    }

    private Run runWhile(Lifecycle lifecycle, int threads, BooleanSupplier more) throws Exception {
        var allocation = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Run run = new Run();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StepTimes>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    StepTimes mine = new StepTimes();
                    long allocatedBefore = allocation.getCurrentThreadAllocatedBytes();
                    while (more.getAsBoolean()) {
                        try {
                            lifecycle.run(numbers.incrementAndGet(), mine);
                        } catch (RuntimeException e) {
                            run.failures.incrementAndGet();
                            if (run.firstFailure.compareAndSet(null, e)) {
                                e.printStackTrace();
                            }
                        }
                    }
                    mine.allocatedBytes = allocation.getCurrentThreadAllocatedBytes() - allocatedBefore;
                    return mine;
                }));
            }
            for (Future<StepTimes> worker : workers) {
                run.times.add(worker.get());
            }
            run.nanos = System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
        return run;
    }

    // ------------------------------------------------------------------------------------------ results

    /** One configuration (database, threads, product or bare) over all its rounds. */
    private static final class Result {
        final String db;
        final int threads;
        final String kind;
        final StepTimes times = new StepTimes();
        long nanos;
        long failures;
        long letters;
        MemoryUsage maxHeap;

        Result(String db, int threads, String kind) {
            this.db = db;
            this.threads = threads;
            this.kind = kind;
        }

        void add(Run run, long lettersWritten, MemoryUsage heap) {
            times.add(run.times);
            nanos += run.nanos;
            failures += run.failures.get();
            letters += lettersWritten;
            if (maxHeap == null || heap.getUsed() > maxHeap.getUsed()) {
                maxHeap = heap;
            }
        }

        double perSecond() {
            return times.lifecycles / (nanos / 1e9);
        }

        double perLifecycle(long total) {
            return times.lifecycles == 0 ? 0 : (double) total / times.lifecycles;
        }
    }

    private void printResults(List<Result> results) {
        System.out.printf("%n== Results: full lifecycles per second (all rounds), product / bare = ratio (target >= 0.80)%n");
        System.out.printf("%-9s %7s %12s %12s %7s %11s %11s %12s %12s %20s %20s%n", "db", "threads", "product lc/s",
                "bare lc/s", "ratio", "product ms", "bare ms", "product MB", "bare MB", "heap product MB",
                "heap bare MB");
        System.out.printf("%-9s %7s %12s %12s %7s %11s %11s %12s %12s %20s %20s%n", "", "", "", "", "",
                "per lc/thr", "per lc/thr", "alloc per lc", "alloc per lc", "used/committed", "used/committed");
        for (Result product : results) {
            if (!product.kind.equals("product")) {
                continue;
            }
            Result bare = results.stream().filter(r -> r.kind.equals("bare") && r.db.equals(product.db)
                    && r.threads == product.threads).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "%-9s %7d %12.2f %12.2f %7.2f %11.1f %11.1f %12.2f %12.2f %20s %20s%n",
                    product.db, product.threads, product.perSecond(), bare.perSecond(),
                    product.perSecond() / bare.perSecond(),
                    1000.0 * product.threads / product.perSecond(), 1000.0 * bare.threads / bare.perSecond(),
                    product.perLifecycle(product.times.allocatedBytes) / 1e6,
                    bare.perLifecycle(bare.times.allocatedBytes) / 1e6, format(product.maxHeap), format(bare.maxHeap));
        }

        System.out.printf("%n== What one lifecycle did (measured, per lifecycle)%n");
        System.out.printf("%-9s %7s %-8s %10s %10s %10s %10s %9s%n", "db", "threads", "kind", "lifecycles", "jobs",
                "tasks", "letters", "failures");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-9s %7d %-8s %10d %10.2f %10.2f %10.2f %9d%n", r.db, r.threads, r.kind,
                    r.times.lifecycles, r.perLifecycle(r.times.jobs), r.perLifecycle(r.times.taskCompletions),
                    r.perLifecycle(r.letters), r.failures);
        }

        // one thread: where a lifecycle's time goes, step by step (the harness's queries are the rest)
        for (Result r : results) {
            if (r.threads != 1) {
                continue;
            }
            System.out.printf("%n== %s, 1 thread, %s: mean ms per step (%d lifecycles, %.1f ms per lifecycle)%n",
                    r.db, r.kind, r.times.lifecycles, 1000.0 / r.perSecond());
            double accounted = 0;
            for (var step : r.times.steps().entrySet()) {
                double perLifecycleMs = step.getValue().nanos / 1e6 / r.times.lifecycles;
                accounted += perLifecycleMs;
                System.out.printf(Locale.ROOT, "   %-55s x%.0f  %8.2f ms each  %8.2f ms per lifecycle%n", step.getKey(),
                        (double) step.getValue().count / r.times.lifecycles,
                        step.getValue().nanos / 1e6 / step.getValue().count, perLifecycleMs);
            }
            System.out.printf(Locale.ROOT, "   %-55s     %8s            %8.2f ms per lifecycle%n",
                    "all steps above (engine and application)", "", accounted);
            System.out.printf(Locale.ROOT, "   %-55s     %8s            %8.2f ms per lifecycle%n",
                    "harness (finding jobs and tasks, end check)", "", 1000.0 / r.perSecond() - accounted);
        }
    }

    private void printHeader() throws Exception {
        var runtime = Runtime.getRuntime();
        System.out.println("== Put It Right lifecycle benchmark");
        System.out.printf("date      %s%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.printf("host      %s, %d cores, %s %s%n", InetAddress.getLocalHost().getHostName(),
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"));
        System.out.printf("JVM       %s %s (%s), max heap %d MB, GC %s, args %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                runtime.maxMemory() / 1_000_000,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("options   %s%n", options.entrySet().stream().filter(e -> !e.getKey().equals("pg-password"))
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
        System.out.println("""
                lifecycle product: a chorus-homes complaint through ComplaintIntake.log, the jobs of its process tree run
                          in the client thread (job executor off), three task completions (acknowledge; put it right:
                          not resolved; Stage 1: respond), the escalation-window timer fired, closed at Stage 1;
                          three letters written (XHTML and text) into the letter outbox. Letter delivery (email/print
                          jobs of letter-delivery, which print the PDF) is outside the lifecycle and never run.
                          bare: bench/bare-lifecycle.bpmn, same shape (asyncBefore no-op service tasks, two call
                          activities, three user tasks with boundary timers, nine exclusive gateways, event-based
                          gateway), same engine, history level and harness.""");
    }

    private static MemoryUsage heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    }

    private static String heap() throws InterruptedException {
        return format(heapAfterGc()) + " MB used/committed";
    }

    private static String format(MemoryUsage heap) {
        return heap == null ? "-" : heap.getUsed() / 1_000_000 + "/" + heap.getCommitted() / 1_000_000;
    }
}
