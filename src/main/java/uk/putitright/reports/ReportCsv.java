package uk.putitright.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.putitright.audit.SpreadsheetCsv;

/** The report as {@code section,measure,value} rows, for a spreadsheet. */
final class ReportCsv {

    record Row(String section, String measure, Object value) {
    }

    private ReportCsv() {
    }

    static List<Row> rows(ComplianceReport r) {
        List<Row> rows = new ArrayList<>();
        add(rows, "report", "landlord", r.landlord());
        add(rows, "report", "from", r.from());
        add(rows, "report", "to", r.to());
        add(rows, "report", "homes", r.homes());
        add(rows, "CH01", "stage1Complaints", r.ch01().stage1().complaints());
        add(rows, "CH01", "stage1ComplaintsPer1000Homes", r.ch01().stage1().per1000Homes());
        add(rows, "CH01", "stage2Complaints", r.ch01().stage2().complaints());
        add(rows, "CH01", "stage2ComplaintsPer1000Homes", r.ch01().stage2().per1000Homes());
        timeliness(rows, "stage1", r.ch02().stage1());
        timeliness(rows, "stage2", r.ch02().stage2());
        add(rows, "received", "total", r.received().total());
        map(rows, "receivedByStatus", r.received().byStatus());
        map(rows, "receivedByChannel", r.received().byChannel());
        map(rows, "receivedByCategory", r.received().byCategory());
        map(rows, "receivedByBusinessLine", r.received().byBusinessLine());
        map(rows, "receivedByOutcome", r.received().byOutcome());
        map(rows, "receivedByRootCause", r.received().byRootCause());
        add(rows, "closed", "closedInPeriod", r.closedInPeriod());
        map(rows, "extensionsByStage", r.extensionsByStage());
        map(rows, "breachesByDeadline", r.breachesByDeadline());
        add(rows, "escalations", "icpReferrals", r.icpReferrals());
        add(rows, "escalations", "ombudsmanEnquiries", r.ombudsmanEnquiries());
        add(rows, "survey", "responses", r.survey().responses());
        add(rows, "survey", "averageRating", r.survey().averageRating());
        add(rows, "survey", "satisfied", r.survey().satisfied());
        add(rows, "survey", "percentSatisfied", r.survey().percentSatisfied());
        add(rows, "improvementActions", "raised", r.improvementActions().raised());
        add(rows, "improvementActions", "done", r.improvementActions().done());
        add(rows, "improvementActions", "open", r.improvementActions().open());
        add(rows, "improvementActions", "overdue", r.improvementActions().overdue());
        r.dataQuality().forEach(problem -> add(rows, "dataQuality", problem.problem(), problem.count()));
        return rows;
    }

    static String csv(ComplianceReport report) {
        StringBuilder out = new StringBuilder("section,measure,value\r\n");
        for (Row row : rows(report)) {
            out.append(SpreadsheetCsv.cell(row.section())).append(',').append(SpreadsheetCsv.cell(row.measure())).append(',')
                    .append(SpreadsheetCsv.cell(row.value() == null ? null : row.value().toString())).append("\r\n");
        }
        return out.toString();
    }

    private static void timeliness(List<Row> rows, String stage, ComplianceReport.Timeliness t) {
        add(rows, "CH02", stage + "Responses", t.responses());
        add(rows, "CH02", stage + "WithinTimescale", t.withinTimescale());
        add(rows, "CH02", stage + "PercentWithinTimescale", t.percentWithinTimescale());
        add(rows, "responseTimes", stage + "AverageWorkingDays", t.averageWorkingDays());
    }

    private static void map(List<Row> rows, String section, Map<String, Long> values) {
        values.forEach((k, v) -> add(rows, section, k, v));
    }

    private static void add(List<Row> rows, String section, String measure, Object value) {
        rows.add(new Row(section, measure, value));
    }
}
