package uk.putitright.letters;

/**
 * One letter as the customer (or their representative) receives it.
 *
 * @param text the letter as plain text, for search and for the body of an email
 * @param pdf  the letter as an A4 PDF
 */
public record RenderedLetter(String text, byte[] pdf) {
}
