/**
 * How complaints and customers' requests come in: the REST API ({@code /api/complaints}), its validation and
 * its error answers (RFC 9457 problem details naming each bad field).
 */
package uk.putitright.intake;
