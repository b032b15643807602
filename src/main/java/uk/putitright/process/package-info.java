/**
 * The bridge between the BPMN models in processes/ and our data: the Java delegates the models call
 * (policy, deadlines, stages, breaches, extensions, assignment, letters), the variable and message names
 * they share, and the service that starts complaints and correlates customers' messages.
 */
package uk.putitright.process;
