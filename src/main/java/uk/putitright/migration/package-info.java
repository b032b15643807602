/**
 * Moving running complaints to a newer version of a process (the complaint process or a called one: stage 1,
 * stage 2, the ombudsman wait, ...) with the engine's migration API, for process owners: where the instances of
 * each version wait, a plan from version A to version B (equal activities mapped, others mapped by the owner,
 * the rest reported, never guessed), a dry run that lists every instance that cannot move and why, and the
 * migration itself as the engine's batch, with its progress; our record of who started each batch puts
 * PROCESS_MIGRATED with that process owner on each complaint's timeline when the job executor moves it. The
 * page /process-owners/migrations shows all of it, with the drift report.
 */
package uk.putitright.migration;
