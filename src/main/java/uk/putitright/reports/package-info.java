/**
 * Reports on complaint handling, read-only over the complaint records: the compliance report (TSM CH01 and
 * CH02, volumes by channel, category, business line, outcome and root cause, timeliness, extensions,
 * breaches, ICP referrals and Ombudsman enquiries, the satisfaction survey, improvement actions, and the data
 * quality problems behind the figures) as JSON, CSV and the {@code /audit/reports} page, and the Code's annual
 * complaints performance and service improvement report as PDF. The figures come from aggregate SQL over
 * indexed date ranges (V6, V7); other packages write the data, this one never changes it.
 *
 * <p>Also the Complaint Handling Code self-assessment: the Code as data ({@link uk.putitright.reports.CodeProvision}),
 * its provisions checked against the deployed policy and models and against the records, with evidence, and the
 * complaints officer's entries and the governing body's approval, the only data this package writes (V20).
 */
package uk.putitright.reports;
