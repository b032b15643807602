/**
 * What a change to the procedure does, for process owners and auditors: a candidate complaint-policy.dmn
 * previewed on the last 12 months of complaints (deadlines recomputed in working days, late responses and
 * CH02 before and after, per landlord and business line) without deploying it, and what changed between two
 * deployed versions of a model or of the policy, read with the Camunda model APIs, with who deployed each.
 * It reads; the only way anything here reaches the engine is the deployment gate's check of an upload.
 */
package uk.putitright.change;
