/**
 * What auditors, the Ombudsman and the Regulator may ask to see of a complaint's handling, and the rules that
 * keep that record honest.
 *
 * <ul>
 *   <li>The complaint timeline ({@link uk.putitright.audit.ComplaintTimeline}): one time-ordered list of
 *       everything that happened to a complaint, from the engine's history (every process instance of the
 *       complaint: steps, user tasks with who completed them and their candidate groups, timers, messages,
 *       Cockpit interventions, incidents) and from our tables (milestones, deadlines with a met/missed verdict,
 *       breaches, extensions, letters, audit events, notes, improvement actions). Served as JSON, CSV and PDF
 *       ({@link uk.putitright.audit.TimelineController}) and as a staff page under {@code /audit/complaints}.</li>
 *   <li>{@link uk.putitright.audit.DeadlineVerdict}: whether one deadline was met, missed or is still open; the
 *       one place that decides "answered within the Code's timescale" (the reports use it too).</li>
 *   <li>Audit events ({@link uk.putitright.audit.AuditEvent}, {@link uk.putitright.audit.AuditLog}): what people
 *       did outside Tasklist and Cockpit.</li>
 *   <li>Erasure of personal data on request ({@link uk.putitright.audit.PersonalDataErasure}) and the
 *       retention rules ({@link uk.putitright.audit.HistoryRetention}: history time-to-live of every definition
 *       and the nightly erasure past the retention period).</li>
 * </ul>
 *
 * <p>The engine's history is read without an engine user: the HTTP layer has already checked that the reader
 * is staff, and a member of staff may lack Camunda read authorizations on other groups' processes.
 */
package uk.putitright.audit;
