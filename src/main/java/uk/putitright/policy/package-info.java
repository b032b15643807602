/**
 * The complaint policy: the landlord's row of {@code complaint-policy.dmn} (timescales, routing, Ombudsman),
 * pinned per complaint to the version of the decision its process started under, with the rules that matched
 * recorded on the complaint, and read from a cache so that steps, letters and pages never re-evaluate a row
 * they have already seen; and the deadlines a row gives a complaint's milestones, in working days.
 */
package uk.putitright.policy;
