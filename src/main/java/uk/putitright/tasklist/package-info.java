/**
 * Staff in Tasklist: the roles from the landlords' procedures as Camunda users and groups (created at
 * start-up, so candidate groups and filters have someone to point at), their authorizations and filters, what
 * every task form shows of its complaint, feedback or improvement action (read from our tables when the form
 * opens, never copied into the engine) and what a start form needs to know of the installation, the task listeners that keep free text in notes, enforce four eyes
 * and refuse incomplete completions, and who a task may be handed to (its candidate groups only).
 */
package uk.putitright.tasklist;
