/**
 * Staff as Camunda users and groups: the roles from the landlords' procedures, created at start-up, so
 * candidate groups in the BPMN and Tasklist filters have someone to point at.
 */
package uk.putitright.tasklist;
