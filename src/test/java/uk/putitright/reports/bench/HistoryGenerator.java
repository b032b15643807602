package uk.putitright.reports.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Fills a PostgreSQL database with years of plausible complaint history for the report benchmark: complaints
 * (default 1,000,000 over five financial years from 1 April 2021, split across the four configured landlords)
 * with their stages, deadlines, outcomes and root causes, customers with realistic names, addresses, postcodes,
 * phones and emails (and the search keys the application derives from them), and the breaches, extensions, survey answers and
 * improvement actions that go with them. Everything is set-based SQL (generate_series) in the database, and
 * seeded, so two runs give the same data.
 *
 * <p>Run from the project (outside any network namespace, PostgreSQL on 127.0.0.1:5432):
 * <pre>mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=uk.putitright.reports.bench.HistoryGenerator [-Dexec.args="1000000 chorus-homes"]</pre>
 * The first argument is the number of complaints; a second puts them all with one landlord (the worst case
 * for that landlord's report). The database is {@code putitright_bench} unless {@code -Dbench.db=...}; it
 * is created if missing, migrated with our Flyway scripts, and its complaint tables are emptied first.
 */
public final class HistoryGenerator {

    public static final String HOST = System.getProperty("bench.host", "127.0.0.1:5432");
    public static final String DATABASE = System.getProperty("bench.db", "putitright_bench");
    public static final String USER = System.getProperty("bench.user", "postgres");
    public static final String PASSWORD = System.getProperty("bench.password", "");
    /**
     * The share of Stage 1 complaints still waiting for their response (open, overdue): 0 unless
     * {@code -Dbench.stuck=0.03}, so the report figures stay as they were; the case search benchmark wants
     * open complaints to filter.
     */
    static final String STUCK = String.valueOf(Double.parseDouble(System.getProperty("bench.stuck", "0")));

    private HistoryGenerator() {
    }

    public static void main(String[] args) throws Exception {
        long complaints = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        String onlyLandlord = args.length > 1 ? args[1] : null;
        if (DATABASE.equals("putitright") || DATABASE.equals("putitright_test")) {
            throw new IllegalArgumentException("refusing to overwrite " + DATABASE + ": use a database of its own");
        }
        createDatabaseIfMissing();
        Flyway.configure().dataSource(url(DATABASE), USER, PASSWORD).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
             Statement sql = db.createStatement()) {
            fill(sql, complaints, onlyLandlord);
            step(sql, "vacuum analyze", "vacuum analyze");
        }
    }

    /**
     * Empties the complaint tables of a migrated PostgreSQL database and fills them with {@code complaints}
     * complaints of history (all with {@code onlyLandlord} if not null). The load run's generator uses it too.
     */
    public static void fill(Statement sql, long complaints, String onlyLandlord) throws SQLException {
        sql.execute("set synchronous_commit = off");
        sql.execute("set maintenance_work_mem = '256MB'");
        sql.execute("select setseed(0.42)");
        step(sql, "emptying", "truncate improvement_action, survey_response, audit_event, complaint_breach,"
                + " complaint_extension, complaint_note, letter, complaint cascade");
        step(sql, "people", peopleSql(people(complaints)));
        step(sql, "people index", "create unique index on bench_person (pid)");
        // the GIN (trigram) indexes are rebuilt after the bulk insert, as the migrations defined them: far
        // quicker than adding a million rows to them one by one
        List<String[]> ginIndexes = new ArrayList<>();
        try (var found = sql.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'complaint'"
                + " and indexdef like '%USING gin%'")) {
            while (found.next()) {
                ginIndexes.add(new String[] {found.getString(1), found.getString(2)});
            }
        }
        for (String[] index : ginIndexes) {
            sql.execute("drop index " + index[0]);
        }
        step(sql, "complaints", complaintsSql(complaints, onlyLandlord));
        for (String[] index : ginIndexes) {
            step(sql, index[0], index[1]);
        }
        sql.execute("drop table bench_person");
        step(sql, "breaches", BREACHES);
        step(sql, "extensions", EXTENSIONS);
        step(sql, "survey responses", SURVEYS);
        step(sql, "improvement actions", ACTIONS);
        step(sql, "reference sequence", "select setval('complaint_reference_seq', (select max(id) from complaint))");
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + "/" + database;
    }

    private static void createDatabaseIfMissing() throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement sql = admin.createStatement();
             var exists = sql.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                sql.execute("create database " + DATABASE);
            }
        }
    }

    static void step(Statement sql, String what, String statement) throws SQLException {
        long started = System.nanoTime();
        sql.execute(statement);
        int rows = sql.getUpdateCount();
        System.out.printf("%-22s %10s rows %8.1f s%n", what, rows < 0 ? "" : rows, (System.nanoTime() - started) / 1e9);
    }

    /**
     * One row a complaint. The inner select draws the random numbers once so that related columns agree (a
     * late response is late against its own deadline); the outer select turns them into dates and states.
     * Days are calendar days scaled to roughly working days (x 5/7) where the report reads working days.
     */
    private static String complaintsSql(long n, String onlyLandlord) {
        String landlord = onlyLandlord != null ? "'" + onlyLandlord.replace("'", "") + "'"
                : "case when r_landlord < 0.40 then 'chorus-homes' when r_landlord < 0.65 then 'housing-plus'"
                + " when r_landlord < 0.90 then 'emh' else 'hoc-2024' end";
        return """
                insert into complaint (id, version, reference, landlord, business_line, service_area, channel,
                    received_at, customer_name, customer_email, customer_phone, customer_address, preferred_contact,
                    summary, stage, status, closure_reason,
                    acknowledged_at, acknowledge_by, stage1_started_at, stage1_response_by, stage1_responded_at,
                    stage1_working_days, stage1_outcome, stage2_requested_at, stage2_acknowledged_at,
                    stage2_acknowledge_by, stage2_response_by, final_response_at, stage2_working_days,
                    stage2_outcome, root_cause, closed_at, icp_referred_at, ombudsman_enquiry_at, anonymised_at,
                    search_text, search_name, search_postcode, search_phone, search_email, next_deadline,
                    next_deadline_at, case_handler)
                select id, 0,
                    case landlord when 'chorus-homes' then 'CHG' when 'housing-plus' then 'HPG' when 'emh' then 'EMH'
                        else 'HOC' end || '-' || extract(year from received_at)::int || '-' || lpad(id::text, 7, '0'),
                    landlord,
                    case when landlord = 'housing-plus' then (array['homes-plus','homes-plus','care-plus',
                        'county-town-homes'])[1 + floor(r_line * 4)::int] end,
                    case when r_category < 0.01 then null else (array['repairs','repairs','repairs','damp-and-mould',
                        'damp-and-mould','anti-social-behaviour','rent-and-charges','estate-services','staff-conduct',
                        'lettings'])[1 + floor(r_category * 10)::int] end,
                    (array['PHONE','PHONE','PHONE','EMAIL','EMAIL','ONLINE_FORM','ONLINE_FORM','WRITING','IN_PERSON',
                        'SOCIAL_MEDIA'])[1 + floor(r_channel * 10)::int],
                    received_at, p_name, p_email, p_phone, p_address,
                    case when p_email is not null then 'EMAIL' when p_phone is not null then 'PHONE' else 'POST' end,
                    '[generated]',
                    case when stage2_requested_at is not null then 'OMBUDSMAN_WAIT'
                         when stage1_started_at is not null then 'STAGE_1' else 'PUT_IT_RIGHT' end,
                    case when closed_at is null then 'OPEN' when r_withdrawn < 0.03 then 'WITHDRAWN' else 'CLOSED' end,
                    case when closed_at is null then null when r_withdrawn < 0.03 then 'WITHDRAWN'
                         when stage2_requested_at is not null then 'FINAL_RESPONSE'
                         when stage1_started_at is not null then 'RESOLVED_AT_STAGE_1' else 'RESOLVED_INFORMALLY' end,
                    received_at + interval '1 day', received_at + interval '2 days',
                    stage1_started_at, stage1_response_by, stage1_responded_at,
                    case when stage1_responded_at is not null
                         then round(extract(epoch from stage1_responded_at - stage1_started_at) / 86400 * 5 / 7)::int end,
                    case when stage1_responded_at is not null and r_missing >= 0.01
                         then (array['UPHELD','PARTLY_UPHELD','PARTLY_UPHELD','NOT_UPHELD','NOT_UPHELD'])
                              [1 + floor(r_outcome * 5)::int] end,
                    stage2_requested_at, stage2_requested_at + interval '3 days', stage2_requested_at + interval '7 days',
                    stage2_response_by, final_response_at,
                    case when final_response_at is not null
                         then round(extract(epoch from final_response_at - stage2_requested_at) / 86400 * 5 / 7)::int end,
                    case when final_response_at is not null and r_missing >= 0.01
                         then (array['UPHELD','PARTLY_UPHELD','NOT_UPHELD'])[1 + floor(r_outcome2 * 3)::int] end,
                    case when stage1_responded_at is not null and r_missing >= 0.015
                         then (array['REPAIR_DELAY','REPAIR_DELAY','REPAIR_QUALITY','DAMP_AND_MOULD','COMMUNICATION',
                              'COMMUNICATION','STAFF_CONDUCT','POLICY_OR_PROCEDURE','ANTI_SOCIAL_BEHAVIOUR',
                              'RENT_AND_CHARGES','CONTRACTOR','OTHER','NO_SERVICE_FAILURE','NO_SERVICE_FAILURE'])
                              [1 + floor(r_cause * 14)::int] end,
                    closed_at,
                    case when final_response_at is not null and r_icp < 0.04 then final_response_at + interval '12 days' end,
                    case when stage1_responded_at is not null and r_icp > 0.985 then stage1_responded_at + interval '40 days' end,
                    case when closed_at is not null and r_withdrawn > 0.995 then closed_at + interval '2 years' end,
                    -- the search keys as complaint.CustomerSearchKeys writes them (names and addresses folded,
                    -- postcode without its space, phone digits, email lower case)
                    concat_ws(' ', p_name_folded, lower(p_address), lower(p_postcode), lower(p_email), p_phone_digits),
                    p_name_folded, p_postcode, p_phone_digits, lower(p_email),
                    -- the next landlord deadline of an open complaint, as Complaint stores it on every save
                    case when closed_at is not null then null
                         when stage2_requested_at is not null and final_response_at is null then 'STAGE_2_RESPONSE'
                         when stage1_started_at is not null and stage1_responded_at is null then 'STAGE_1_RESPONSE' end,
                    case when closed_at is not null then null
                         when stage2_requested_at is not null and final_response_at is null then stage2_response_by
                         when stage1_started_at is not null and stage1_responded_at is null then stage1_response_by end,
                    case when stage1_started_at is not null then 'officer' || (1 + id %% 40) end
                from (
                    select d.*,
                        case when stage2 then s1_responded + interval '4 days' + r_gap * interval '10 days' end
                            as stage2_requested_at,
                        case when stage2 then s1_responded + interval '4 days' + r_gap * interval '10 days'
                            + interval '28 days' end as stage2_response_by,
                        case when stage2 and s1_responded + interval '45 days' < now()
                             then s1_responded + interval '4 days' + r_gap * interval '10 days'
                                  + case when r_late2 < 0.10 then interval '29 days' + r_late2 * interval '100 days'
                                         else interval '8 days' + r_time2 * interval '20 days' end end
                            as final_response_at,
                        case when received_at + interval '150 days' > now() and r_open < 0.5 then null
                             when stage2 then s1_responded + interval '100 days'
                             when stage1_started_at is not null then s1_responded + interval '30 days'
                             else received_at + interval '8 days' end as closed_at,
                        s1_responded as stage1_responded_at
                    from (
                        select c.*,
                            case when stage1 then received_at + interval '2 days' end as stage1_started_at,
                            case when stage1 then received_at + interval '2 days' + case when r_extended < 0.05
                                 then interval '28 days' else interval '14 days' end end as stage1_response_by,
                            case when stage1 and received_at + interval '25 days' < now() and r_stuck >= %s
                                 then received_at + interval '2 days' + case when r_late < 0.08
                                      then interval '15 days' + r_late * interval '300 days'
                                      else interval '3 days' + r_time * interval '11 days' end
                                      + case when r_extended < 0.05 then interval '14 days' else interval '0 days' end
                                 end as s1_responded,
                            stage1 and r_stage2 < 0.2 as stage2
                        from (
                            select g as id, %s as landlord,
                                timestamptz '2021-04-01 00:00 Europe/London' + r_when * interval '1826 days' as received_at,
                                r_stage1 < 0.7 as stage1, r_line, r_category, r_channel, r_missing, r_outcome,
                                r_outcome2, r_cause, r_withdrawn, r_icp, r_extended, r_late, r_time, r_late2, r_time2,
                                r_stage2, r_gap, r_open, r_person, r_stuck
                            from (
                                select g, random() as r_landlord, random() as r_when, random() as r_stage1,
                                    random() as r_line, random() as r_category, random() as r_channel,
                                    random() as r_missing, random() as r_outcome, random() as r_outcome2,
                                    random() as r_cause, random() as r_withdrawn, random() as r_icp,
                                    random() as r_extended, random() as r_late, random() as r_time,
                                    random() as r_late2, random() as r_time2, random() as r_stage2,
                                    random() as r_gap, random() as r_open, random() as r_person,
                                    random() as r_stuck
                                from generate_series(1, %d) g
                            ) r
                        ) c
                    ) d
                ) x
                join bench_person p on p.pid = 1 + floor(r_person * %d)::int
                """.formatted(STUCK, landlord, n, people(n));
    }

    /** Fewer people than complaints, so about one complaint in three is from someone who complained before. */
    static long people(long complaints) {
        return Math.max(1, complaints * 7 / 10);
    }

    /**
     * The customers: first names (some accented: Zoë, José) and surnames drawn from a skewed distribution
     * (a hundred common surnames, the first ones most common, and a long tail of rare ones), 20,000
     * postcodes in 40 districts with the popular ones shared by hundreds of people, mobile and landline
     * phones written in several forms (07700 900123, +44 7700 900123, 01480 123456), emails some in mixed
     * case. Streets and towns are plain ASCII, so lower() is the application's folding of them.
     */
    private static int count(String list) {
        return list.split("','").length;
    }

    private static String peopleSql(long people) {
        String surnames = "'Smith','Jones','Williams','Taylor','Brown','Davies','Evans','Wilson','Thomas','Johnson',"
                + "'Roberts','Robinson','Thompson','Wright','Walker','White','Edwards','Hughes','Green','Hall','Lewis',"
                + "'Harris','Clarke','Patel','Jackson','Wood','Turner','Martin','Cooper','Hill','Ward','Morris','Moore',"
                + "'Clark','Lee','King','Baker','Harrison','Morgan','Allen','James','Scott','Phillips','Watson','Davis',"
                + "'Parker','Price','Bennett','Young','Griffiths','Mitchell','Kelly','Cook','Carter','Richardson',"
                + "'Bailey','Collins','Bell','Shaw','Murphy','Miller','Cox','Richards','Khan','Marshall','Anderson',"
                + "'Simpson','Ellis','Adams','Singh','Begum','Wilkinson','Foster','Chapman','Powell','Webb','Rogers',"
                + "'Gray','Mason','Ali','Hunt','Hussain','Campbell','Matthews','Owen','Palmer','Holmes','Mills',"
                + "'Barnes','Knight','Lloyd','Butler','Russell','Barker','Fisher','Stevens','Jenkins','O''Brien'";
        String firstNames = "'Zoë','Chloë','José','Renée','Siân','Amélie','Olivia','Amelia','Isla','Ava','Mia','Ivy',"
                + "'Lily','Grace','Sophia','Emily','Poppy','Ella','Jack','Oliver','Noah','George','Harry','Leo',"
                + "'Arthur','Oscar','Charlie','Jacob','Thomas','Muhammad','James','William','Henry','Alfie','Joshua',"
                + "'Freddie','Archie','Mohammed','Ahmed','Fatima','Aisha','Priya','Sarah','Margaret','Susan','David',"
                + "'John','Peter','Michael','Paul','Linda','Karen','Joan','Brian','Barbara','Kevin','Dorothy','Gary',"
                + "'Sandra','Wojciech'";
        String firstFolded = java.text.Normalizer.normalize(firstNames, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        return """
                create temporary table bench_person as
                select pid, first || ' ' || surname as p_name, first_folded || ' ' || lower(surname) as p_name_folded,
                    house || ' ' || street || ', ' || town || ' ' || outward || ' ' || inward as p_address,
                    outward || inward as p_postcode,
                    case when r_phone < 0.30 then '07' || substr(d9, 1, 3) || ' ' || substr(d9, 4)
                         when r_phone < 0.45 then '+44 7' || substr(d9, 1, 3) || ' ' || substr(d9, 4)
                         when r_phone < 0.85 then '01' || substr(d9, 1, 3) || ' ' || substr(d9, 4, 6) end as p_phone,
                    case when r_phone < 0.45 then '07' || d9 when r_phone < 0.85 then '01' || substr(d9, 1, 9) end
                        as p_phone_digits,
                    case when r_email < 0.85 then (case when r_case < 0.3
                            then initcap(first_folded) || '.' || replace(surname, '''', '')
                            else first_folded || '.' || lower(replace(surname, '''', '')) end)
                        || (pid %% 1000) || '@' || (array['example.org', 'example.com', 'mail.example.net',
                            'example.co.uk', 'post.example.org', 'example.uk'])[1 + pid %% 6] end as p_email
                from (
                    select pid, d9, r_phone, r_email, r_case, house,
                        (array[%s])[fi] as first, (array[%s])[fi] as first_folded,
                        case when r_common < 0.6 then (array[%s])[si] else tail end as surname,
                        (array['Mill Lane','High Street','Church Road','Station Road','Victoria Road','Green Lane',
                            'Manor Road','Park Avenue','Queens Road','New Road','Brook Street','Kings Road',
                            'The Crescent','Orchard Close','Meadow Way','School Lane','North Street',
                            'Springfield Road','Chapel Street','Riverside','Brook House','Elm Grove','Oak Drive',
                            'Willow Court','Ash Close','Beech Avenue','Cedar Walk','Maple Drive','Hawthorn Road',
                            'Cherry Tree Lane'])[st] as street,
                        (array['Peterborough','Nottingham','Leicester','Derby','Lincoln','Coventry','Northampton',
                            'Cambridge','Huntingdon','Loughborough'])[1 + (pc %% 40) / 4] as town,
                        (array['PE29','PE27','PE1','PE2','PE3','PE4','NG1','NG2','NG3','NG5','NG7','NG9','LE1',
                            'LE2','LE3','LE4','LE5','DE1','DE21','DE22','LN1','LN2','LN5','CV1','CV2','CV3','CV6',
                            'NN1','NN2','NN3','NN5','CB1','CB2','CB4','CB5','PE7','PE19','NG15','LE11','DE24'])
                            [1 + pc %% 40] as outward,
                        ((pc / 40) %% 10)::text || substr('ABDEFGHJLNPQRSTUWXYZ', 1 + (pc / 400) %% 20, 1)
                            || substr('ABDEFGHJLNPQRSTUWXYZ', 1 + (pc / 8000 + pc) %% 20, 1) as inward
                    from (
                        select pid, random() as r_phone, random() as r_email, random() as r_case,
                            random() as r_common, lpad(floor(random() * 1e9)::bigint::text, 9, '0') as d9,
                            1 + floor(random() * %d)::int as fi, 1 + floor(%d * power(random(), 1.3))::int as si,
                            floor(20000 * power(random(), 1.3))::int as pc, 1 + floor(random() * 200)::int as house,
                            1 + floor(random() * 30)::int as st,
                            (array['Ash','Brad','Crom','Dun','Elling','Fair','Gold','Hart','Kings','Lang','Mar',
                                'North','Oak','Pem','Red','Stan','Thorn','Wal','West','Whit','Ald','Bur','Cal','Dar',
                                'Har','Lin','Mel','Rad','Sel','Wex'])[1 + floor(random() * 30)::int]
                            || (array['worth','ley','well','ford','ton','ham','by','field','more','wood','combe',
                                'dale','brook','ridge','stone','hurst','wick','shaw','land','cott'])
                                [1 + floor(random() * 20)::int] as tail
                        from generate_series(1, %d) pid
                    ) r
                ) n
                """.formatted(firstNames, firstFolded, surnames, count(firstNames), count(surnames), people);
    }

    /** A breach for every response sent after its deadline (or still unsent past it), as the timers record. */
    private static final String BREACHES = """
            insert into complaint_breach (complaint_id, deadline, stage, due_at, recorded_at)
            select id, 'STAGE_1_RESPONSE', 'STAGE_1', stage1_response_by, stage1_response_by
            from complaint where stage1_response_by < coalesce(stage1_responded_at, now())
            union all
            select id, 'STAGE_2_RESPONSE', 'STAGE_2', stage2_response_by, stage2_response_by
            from complaint where stage2_response_by < coalesce(final_response_at, now())
            union all
            select id, 'ACKNOWLEDGEMENT', 'INTAKE', acknowledge_by, acknowledge_by
            from complaint where id % 50 = 0
            """;

    /** The 5 % of Stage 1 deadlines the generator lengthened by 14 days, recorded a week into Stage 1. */
    private static final String EXTENSIONS = """
            insert into complaint_extension (complaint_id, stage, reason, previous_due_at, new_due_at, granted_by,
                recorded_at)
            select id, 'STAGE_1', 'Waiting for a contractor''s report', stage1_response_by - interval '14 days',
                stage1_response_by, 'generated', stage1_started_at + interval '7 days'
            from complaint where stage1_response_by - stage1_started_at > interval '20 days'
            """;

    private static final String SURVEYS = """
            insert into survey_response (complaint_id, rating, recorded_by, recorded_at)
            select id, 1 + floor(random() * 5)::int, 'generated', closed_at + interval '3 days'
            from complaint where closed_at is not null and random() < 0.15
            """;

    private static final String ACTIONS = """
            insert into improvement_action (complaint_id, description, owner_group, due_on, status, created_by,
                created_at, completed_by, completed_at)
            select id, 'Learning from ' || reference,
                (array['service-managers','heads-of-service','directors'])[1 + floor(random() * 3)::int],
                (stage1_responded_at + interval '60 days')::date,
                case when stage1_responded_at + interval '90 days' < now() and random() < 0.85 then 'DONE' else 'OPEN' end,
                'generated', stage1_responded_at, null, null
            from complaint where stage1_responded_at is not null and random() < 0.03
            """;
}
