/**
 * How complaints, customers' requests, compliments and comments come in: the REST API ({@code /api/complaints},
 * {@code /api/feedback}), its validation and its error answers (RFC 9457 problem details naming each bad field).
 */
package uk.putitright.intake;
