/**
 * Letters the landlord promises: which letter a process step writes and to whom, its Thymeleaf template and
 * PDF, the letter record (the outbox), and its delivery by email or the print queue, exactly once.
 */
package uk.putitright.letters;
