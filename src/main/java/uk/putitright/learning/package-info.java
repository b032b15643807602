/**
 * Learning from complaints: the outcome and root cause each response records on the complaint
 * ({@link uk.putitright.learning.LearningRecorder}), service improvement actions raised by responses and
 * tracked to done in Tasklist (the {@code improvement-action} process), and the customers' satisfaction survey
 * answers. The reports read all three.
 */
package uk.putitright.learning;
