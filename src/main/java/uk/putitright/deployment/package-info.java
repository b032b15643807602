/**
 * What may be deployed, and how: the deployment gate that checks every model a member of staff deploys
 * (from Modeler through engine REST, or any other route into the engine) before the engine parses it, so a
 * model can only call the application's own steps and read process variables; and the application's own
 * deployment of processes/ at start-up, which never silently replaces a process owner's version.
 */
package uk.putitright.deployment;
