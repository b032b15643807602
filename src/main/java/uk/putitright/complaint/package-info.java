/**
 * The complaint record: our own JPA tables for everything personal or business-relevant (contact details,
 * summary, stage, deadlines, breaches, extensions) and the reference numbers customers quote.
 * Process variables only hold the complaint id, enums and dates.
 */
package uk.putitright.complaint;
