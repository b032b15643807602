/**
 * Moving running complaints to a newer version of a process (the complaint process or a called one: stage 1,
 * stage 2, ...) with the engine's migration API, for process owners: where the instances of each version wait,
 * a plan from version A to version B (equal activities mapped, others mapped by the owner, the rest reported,
 * never guessed), a dry run that lists every instance that cannot move and why, and the migration itself,
 * recorded on each complaint's timeline with who did it.
 */
package uk.putitright.migration;
