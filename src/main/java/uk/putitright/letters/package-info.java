/**
 * Letters the landlord promises: which letter a process step writes, its text with the real deadlines,
 * and the record of it. Rendering to PDF and delivery come on top of the {@link uk.putitright.letters.Letter} record.
 */
package uk.putitright.letters;
