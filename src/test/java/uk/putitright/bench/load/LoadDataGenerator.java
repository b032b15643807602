package uk.putitright.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.putitright.PutItRightApplication;
import uk.putitright.bench.bare.BareEngineApplication;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;
import uk.putitright.reports.bench.HistoryGenerator;

/**
 * Fills the load run's two databases with a large landlord's data (docs/performance.md "Data at scale"):
 * <ul>
 *   <li><b>open cases</b> made through the engine, never by SQL: the product's complaints logged through
 *   {@link ComplaintIntake#log} over every landlord, the bare engine's cases started on bare-complaint.bpmn;
 *   each walked forward by the same {@link CaseWalker} a random 0 to 6 steps (acknowledge, put it right,
 *   Stage 1, escalate, acknowledge Stage 2, review), so every stage and group has tasks, deadlines and timers.
 *   They are received over the last {@code --days} days (the engine clock is moved back for each day), and the
 *   deadlines that have passed since fire at the end, through the engine, as they would have;</li>
 *   <li><b>closed complaints</b> in our tables: the reports' {@link HistoryGenerator} (PostgreSQL only);</li>
 *   <li><b>closed process instances</b> in the engine's history (ACT_HI_PROCINST, _ACTINST, _TASKINST), made
 *   by set-based SQL (PostgreSQL only) on both sides alike: through the engine they would take hours.</li>
 * </ul>
 * Options: {@code --side=product|bare|both --product-url=jdbc:... --bare-url=jdbc:... --db-user=postgres
 * --db-password= --open=10000 --closed=1000000 --history=100000 --days=20 --threads=2 --fresh=true}
 * ({@code --fresh=false --closed=0} adds open cases to a database made before; {@code --only=history} makes
 * only the engine history, without starting an application). The application
 * contexts run with the job executor off; letter delivery instances the product's steps start are removed at
 * the end (their 2 to 4 letters a complaint would otherwise all be emailed when the run starts).
 */
public final class LoadDataGenerator {

    static final List<String> LANDLORDS = List.of("chorus-homes", "housing-plus", "emh", "hoc-2024");

    private final Map<String, String> options;

    private LoadDataGenerator(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("fresh", "true", "side", "both",
                "product-url", "jdbc:postgresql://127.0.0.1:5432/putitright_load",
                "bare-url", "jdbc:postgresql://127.0.0.1:5432/bare_load", "db-user", "postgres", "db-password", "",
                "open", "10000", "closed", "1000000", "history", "100000", "days", "20"));
        options.put("threads", "2");
        options.put("only", "");
        for (String arg : args) {
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : null;
            if (name == null || !options.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + options.keySet());
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        var generator = new LoadDataGenerator(options);
        String side = options.get("side");
        if (options.get("only").equals("history")) {
            generator.historyOnly(side);
            System.exit(0);
        }
        if (side.equals("product") || side.equals("both")) {
            generator.product();
        }
        if (side.equals("bare") || side.equals("both")) {
            generator.bare();
        }
        System.exit(0);
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }

    // ------------------------------------------------------------------------------------------ the product

    private void product() throws Exception {
        String url = options.get("product-url");
        recreateIfPostgres(url);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PutItRightApplication.class)
                .run(springArgs(url, "--spring.profiles.active=load", "--putitright.landlord=chorus-homes"))) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            if (isPostgres(url) && number("closed") > 0) {
                try (Connection db = context.getBean(DataSource.class).getConnection();
                     Statement sql = db.createStatement()) {
                    HistoryGenerator.fill(sql, number("closed"), null);
                    step(sql, "closing the rest", "update complaint set status = 'CLOSED', closed_at ="
                            + " coalesce(closed_at, received_at + interval '30 days'), closure_reason ="
                            + " coalesce(closure_reason, 'RESOLVED_AT_STAGE_1') where status = 'OPEN'");
                }
            }
            ensureStaff(engine.getIdentityService());
            ComplaintIntake intake = context.getBean(ComplaintIntake.class);
            AtomicLong numbers = new AtomicLong();
            openCases("product", engine, (random) -> {
                long n = numbers.incrementAndGet();
                String landlord = LANDLORDS.get((int) (n % LANDLORDS.size()));
                String line = landlord.equals("housing-plus")
                        ? List.of("homes-plus", "care-plus", "county-town-homes").get(random.nextInt(3)) : null;
                var complaint = intake.log(new NewComplaintRequest(landlord, line, null, Channel.PHONE, null,
                        new NewComplaintRequest.Customer("Load Customer " + n, "load" + n + "@example.org",
                                "01234 567890", n + " High Street, Huntingdon PE29 3QW", ContactMethod.EMAIL),
                        null, "The boiler has not been repaired after three visits (" + n + ").", "Repair the boiler"));
                return new Started(complaint.getProcessInstanceId(), complaint.getReference());
            });
            removeLetterDeliveries(engine.getRuntimeService());
            if (isPostgres(url) && number("history") > 0) {
                engineHistory(context.getBean(DataSource.class), "complaint",
                        "(select reference from complaint where status <> 'OPEN' order by id limit %d)");
            }
        }
        System.out.printf("product data ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * {@code --only=history}: no application, straight to the databases: the engine history of both sides, and
     * the product's letter-delivery jobs suspended, for data whose open cases were made by a run that was
     * stopped before its end (the suspension stands in for the removal such a run would have done).
     */
    private void historyOnly(String side) throws SQLException {
        for (String which : side.equals("both") ? List.of("product", "bare") : List.of(side)) {
            var dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setUrl(options.get(which + "-url"));
            dataSource.setUser(options.get("db-user"));
            dataSource.setPassword(options.get("db-password"));
            if (which.equals("product")) {
                try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
                    step(sql, "letters not delivered", "update act_ru_job set suspension_state_ = 2"
                            + " where process_def_key_ = 'letter-delivery'");
                }
                engineHistory(dataSource, "complaint",
                        "(select reference from complaint where status <> 'OPEN' order by id limit %d)");
            } else {
                engineHistory(dataSource, "bare-complaint", "(select 'BARE-HIST-' || g from generate_series(1, %d) g)");
            }
        }
    }

    /** The letters of generated complaints are in the outbox; their delivery would email them all at the run's start. */
    private static void removeLetterDeliveries(RuntimeService runtime) {
        List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey("letter-delivery").list()
                .stream().map(p -> p.getId()).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            runtime.deleteProcessInstances(ids.subList(from, Math.min(ids.size(), from + 500)),
                    "load data: not delivered", true, true, true);
        }
        System.out.printf("removed %d letter-delivery instances%n", ids.size());
    }

    // ------------------------------------------------------------------------------------------ the bare engine

    private void bare() throws Exception {
        String url = options.get("bare-url");
        recreateIfPostgres(url);
        long started = System.nanoTime();
        SpringApplication application = new SpringApplication(BareEngineApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "bare-engine"));
        try (ConfigurableApplicationContext context = application.run(springArgs(url))) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            ensureStaff(engine.getIdentityService());
            AtomicLong numbers = new AtomicLong();
            List<String> serviceManagers = staffOf("service-managers");
            List<String> advocates = staffOf("advocacy");
            openCases("bare", engine, (random) -> {
                long n = numbers.incrementAndGet();
                String landlord = LANDLORDS.get((int) (n % LANDLORDS.size()));
                boolean housingPlus = landlord.equals("housing-plus");
                List<String> handlers = housingPlus ? advocates : serviceManagers;
                String reference = "BARE-" + n;
                Instant now = ClockUtil.getCurrentTime().toInstant();
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("landlord", landlord);
                variables.put("reference", reference);
                variables.put("caseHandler", handlers.get((int) (n % handlers.size())));
                variables.put("stage1Group", housingPlus ? "advocacy" : "service-managers");
                variables.put("stage2ReviewerGroup", housingPlus ? "senior-advocacy" : "heads-of-service");
                variables.put("stage2SignOffGroup", housingPlus ? "directors" : "");
                variables.put("acknowledgeBy", days(now, 3));
                variables.put("informalResolutionBy", days(now, 7));
                variables.put("stage1ResponseBy", days(now, 14));
                variables.put("stage2AcknowledgeBy", days(now, 21));
                variables.put("stage2ResponseBy", days(now, 42));
                String id = engine.getRuntimeService().startProcessInstanceByKey("bare-complaint", reference,
                        variables).getId();
                return new Started(id, reference);
            });
            if (isPostgres(url) && number("history") > 0) {
                engineHistory(context.getBean(DataSource.class), "bare-complaint",
                        "(select 'BARE-HIST-' || g from generate_series(1, %d) g)");
            }
        }
        System.out.printf("bare data ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static Date days(Instant from, int days) {
        return Date.from(from.plus(Duration.ofDays(days)));
    }

    private static List<String> staffOf(String group) {
        return StaffRoster.members().stream().filter(m -> m.groupId().equals(group)).map(StaffRoster.Member::userId)
                .toList();
    }

    // ------------------------------------------------------------------------------------------ both sides

    /** A case just started: its root process instance and business key. */
    record Started(String rootInstanceId, String businessKey) {
    }

    interface CaseStarter {
        Started start(Random random);
    }

    /**
     * {@code --open} cases, received day by day over the last {@code --days} days (the engine clock set to
     * 10:00 of each day; all threads of a day share it), each walked 0 to 6 steps; then the clock back to now
     * and every due job run, so the deadlines that have passed have fired as they would have.
     */
    private void openCases(String side, ProcessEngine engine, CaseStarter starter) throws Exception {
        int open = number("open");
        int days = Math.max(1, number("days"));
        int threads = Math.max(1, number("threads"));
        var walker = new CaseWalker(engine.getRuntimeService(), engine.getTaskService(),
                engine.getManagementService(), engine.getIdentityService());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger made = new AtomicInteger();
        long started = System.nanoTime();
        try {
            Instant today = Instant.now();
            for (int day = days - 1; day >= 0; day--) {
                ClockUtil.setCurrentTime(Date.from(today.minus(Duration.ofDays(day))));
                int count = open / days + (day == 0 ? open % days : 0);
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int share = count / threads + (t == 0 ? count % threads : 0);
                    long seed = day * 1000L + t;
                    work.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        for (int i = 0; i < share; i++) {
                            Started c = starter.start(random);
                            walker.walk(c.rootInstanceId(), c.businessKey(), random.nextInt(7), random);
                            made.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
                System.out.printf("%s: %d open cases (%.0f s)%n", side, made.get(), (System.nanoTime() - started) / 1e9);
            }
            ClockUtil.reset();
            long jobs = runAllDueJobs(engine.getManagementService(), pool, threads);
            System.out.printf("%s: %d open cases, %d due jobs run at the end, in %.0f s%n", side, made.get(), jobs,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            ClockUtil.reset();
            pool.shutdownNow();
        }
    }

    /** Every due job but letter delivery (never delivered here), in parallel, until none is due. */
    private static long runAllDueJobs(ManagementService management, ExecutorService pool, int threads)
            throws Exception {
        long ran = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().listPage(0, 2000).stream()
                    .filter(job -> !"letter-delivery".equals(job.getProcessDefinitionKey())).toList();
            if (due.isEmpty()) {
                break;
            }
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int mine = t;
                work.add(pool.submit(() -> {
                    for (int i = mine; i < due.size(); i += threads) {
                        try {
                            management.executeJob(due.get(i).getId());
                        } catch (RuntimeException e) {
                            // a job another job has already ended (an interrupted boundary); nothing lost
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            ran += due.size();
        }
        return ran;
    }

    private static void ensureStaff(IdentityService identity) {
        for (StaffRoster.Member member : StaffRoster.members()) {
            if (identity.createGroupQuery().groupId(member.groupId()).count() == 0) {
                var group = identity.newGroup(member.groupId());
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
            if (identity.createUserQuery().userId(member.userId()).count() == 0) {
                var user = identity.newUser(member.userId());
                user.setFirstName("Load");
                user.setLastName(member.userId().substring(5));
                user.setPassword(member.userId());
                identity.saveUser(user);
                identity.createMembership(member.userId(), member.groupId());
            }
        }
    }

    /**
     * {@code --history} closed instances of the process in the engine's history: one process instance, ten
     * activity instances and three tasks each, over the last five years, ended, with the removal time the
     * retention gives (six years). businessKeys is a select of that many business keys.
     */
    private void engineHistory(DataSource dataSource, String processKey, String businessKeys) throws SQLException {
        int n = number("history");
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("set synchronous_commit = off");
            String definition;
            try (var rs = sql.executeQuery("select id_ from act_re_procdef where key_ = '" + processKey
                    + "' order by version_ desc limit 1")) {
                rs.next();
                definition = rs.getString(1);
            }
            String keys = businessKeys.formatted(n);
            step(sql, "history: instances", """
                    insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_,
                        start_time_, end_time_, removal_time_, duration_, start_act_id_, end_act_id_,
                        root_proc_inst_id_, state_)
                    select 'hist-' || n, 'hist-' || n, key, '%1$s', '%2$s', started, started + interval '40 days',
                        started + interval '40 days' + interval '2190 days', 40::bigint * 86400000, 'StartEvent_ComplaintLogged',
                        'EndEvent_ClosedAtStage1', 'hist-' || n, 'COMPLETED'
                    from (select row_number() over () as n, key,
                              localtimestamp - interval '1826 days' * random() - interval '40 days' as started
                          from %3$s k(key)) k
                    """.formatted(processKey, definition, keys));
            step(sql, "history: activities", """
                    insert into act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                        execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_,
                        act_inst_state_, sequence_counter_, removal_time_)
                    select p.id_ || '-a' || a.n, p.proc_def_key_, p.proc_def_id_, p.id_, p.id_, p.id_, a.act, a.act,
                        a.type, p.start_time_ + (a.n * interval '4 days'), p.start_time_ + (a.n * interval '4 days')
                        + interval '1 hour', 3600000, 1, a.n, p.removal_time_
                    from act_hi_procinst p
                    cross join (values (1, 'StartEvent_ComplaintLogged', 'startEvent'),
                        (2, 'Task_RecordComplaint', 'serviceTask'), (3, 'Task_AcknowledgeComplaint', 'userTask'),
                        (4, 'Task_AfterAcknowledgeComplaint', 'serviceTask'), (5, 'Task_PutItRight', 'userTask'),
                        (6, 'Task_AfterPutItRight', 'serviceTask'), (7, 'Task_InvestigateComplaint', 'userTask'),
                        (8, 'Gateway_EscalationWindow', 'eventBasedGateway'),
                        (9, 'Timer_EscalationWindowEnds', 'intermediateTimer'),
                        (10, 'EndEvent_ClosedAtStage1', 'noneEndEvent')) a(n, act, type)
                    where p.id_ like 'hist-%%' and p.proc_def_key_ = '%s'
                    """.formatted(processKey));
            step(sql, "history: tasks", """
                    insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
                        proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_,
                        duration_, priority_, due_date_, removal_time_, task_state_)
                    select a.id_ || '-t', a.act_id_, a.proc_def_key_, a.proc_def_id_, a.proc_inst_id_, a.proc_inst_id_,
                        a.proc_inst_id_, a.id_, a.act_name_, 'load.service-managers.01', a.start_time_, a.end_time_,
                        a.duration_, 50, a.start_time_ + interval '10 days', a.removal_time_, 'Completed'
                    from act_hi_actinst a where a.act_type_ = 'userTask' and a.id_ like 'hist-%%'
                        and a.proc_def_key_ = '%s'
                    """.formatted(processKey));
            step(sql, "vacuum analyze", "vacuum analyze");
        }
    }

    private static void step(Statement sql, String what, String statement) throws SQLException {
        long started = System.nanoTime();
        sql.execute(statement);
        int rows = sql.getUpdateCount();
        System.out.printf("%-22s %10s rows %8.1f s%n", what, rows < 0 ? "" : rows, (System.nanoTime() - started) / 1e9);
    }

    // ------------------------------------------------------------------------------------------ databases

    private String[] springArgs(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off", "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN",
                "--spring.datasource.url=" + url,
                "--spring.datasource.hikari.maximum-pool-size=" + (number("threads") + 4)));
        if (isPostgres(url)) {
            args.add("--spring.datasource.username=" + options.get("db-user"));
            args.add("--spring.datasource.password=" + options.get("db-password"));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static boolean isPostgres(String url) {
        return url.startsWith("jdbc:postgresql:");
    }

    /** A fresh PostgreSQL database for each side (an H2 file is the caller's to delete). */
    private void recreateIfPostgres(String url) throws SQLException {
        if (!isPostgres(url) || !Boolean.parseBoolean(options.get("fresh"))) {
            return;
        }
        String database = url.substring(url.lastIndexOf('/') + 1);
        if (database.equals("putitright") || database.startsWith("putitright_test")) {
            throw new IllegalArgumentException("refusing to overwrite " + database + ": use a database of its own");
        }
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, options.get("db-user"),
                options.get("db-password")); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }
}
