/**
 * Who may call what: staff authenticate against Camunda's identity service (the same users and groups as
 * Tasklist); the public may only log a complaint. Also how staff are named in letters and forms, and who is
 * acting on a task.
 */
package uk.putitright.security;
