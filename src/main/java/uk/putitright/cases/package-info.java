/**
 * The staff case workspace: find any complaint by what a caller gives (reference, name, postcode, phone,
 * email, part of the address), list and filter complaints across teams with counts, and one page per case
 * with everything about it (customer, deadlines and their verdicts, open tasks, a staff timeline, letters,
 * notes, the customer's other complaints) and the work done from it (record a contact or a customer's
 * request, log a new complaint for the same customer). Also who may read which case
 * ({@link uk.putitright.cases.CaseAccess}), the search text of erased customers in the audit log, and the
 * "Cases" link, the "Case" tab, the case details on task cards and the "Complaint logged" dialog inside
 * Tasklist (the Tasklist plugin under
 * {@code META-INF/resources/webjars/camunda/app/tasklist/scripts/cases}).
 */
package uk.putitright.cases;
