/**
 * Who may call what: staff authenticate against Camunda's identity service (the same users and groups as
 * Tasklist); the public may only log a complaint.
 */
package uk.putitright.security;
