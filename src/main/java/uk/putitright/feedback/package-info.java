/**
 * Compliments and comments: the {@link uk.putitright.feedback.Feedback} record (our own table, with the
 * personal details and the text), its reference from the complaint sequence, and the feedback process's
 * task listener. Process variables hold only the feedback id, the reference, the kind and group ids.
 *
 * <p>A package of its own rather than {@code intake}: the letters package writes the thank-you for a
 * {@code Feedback}, and {@code intake} already depends on {@code process}, which depends on {@code letters};
 * keeping feedback here means letters depends on feedback only, and feedback on nothing but
 * {@code complaint} (landlords, contact methods) and {@code security} (who completed a task). What its forms
 * show is read by {@code tasklist}. The public API for it lives in {@code intake} with the complaints API, so
 * it shares the same problem answers.
 */
package uk.putitright.feedback;
