package uk.putitright.letters;

/**
 * One letter as the customer (or their representative) receives it, fixed when it is written.
 *
 * @param text  the letter as plain text, for search and for the body of an email
 * @param xhtml the letter as the XHTML its A4 PDF is printed from ({@link LetterRenderer#pdf(String)}) when it
 *              is delivered
 */
public record RenderedLetter(String text, String xhtml) {
}
