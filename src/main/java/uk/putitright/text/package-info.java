/**
 * What text we accept from people, and how stored text is made safe to print: the characters a name, an
 * address or free text may hold ({@link PlainText}, checked at every API and form boundary), and the
 * clean-up letters and PDFs apply to text stored before those rules ({@link TextRules#printable}).
 * Depends on nothing else in the application.
 */
package uk.putitright.text;
