/**
 * How complaints, customers' requests, compliments and comments come in: the REST API ({@code /api/complaints},
 * {@code /api/feedback}) with its validation, idempotency keys and limits, the public pages ({@code /complaint},
 * {@code /complaint/status}), Tasklist's start forms, and the error answers (RFC 9457 problem details naming
 * each bad field).
 */
package uk.putitright.intake;
