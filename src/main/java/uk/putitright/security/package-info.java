/**
 * Who may call what: staff authenticate against Camunda's identity service (the same users and groups as
 * Tasklist); the public may only log a complaint; every staff endpoint names its groups and the engine REST
 * API is for staff only. The engine's checks with our additions (jobs of no process, staff names set only by
 * administrators), engine work done with the application's rights on a caller's behalf, how staff are named
 * in letters and forms, and who is acting on a task. The rules are in docs/security.md.
 */
package uk.putitright.security;
