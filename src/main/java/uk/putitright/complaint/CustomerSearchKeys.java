package uk.putitright.complaint;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How a customer's details are written for searching, and how what staff type is written the same way: names
 * and addresses folded (lower case, accents off, one space: "Zoë  PRICE" is "zoe price"), postcodes upper case
 * without spaces ("pe29 3qw" is "PE293QW"), phone numbers as digits with +44 as 0 ("+44 1234 567890" is
 * "01234567890"), emails lower case. Every other character is kept as it is, so {@code %}, {@code _} and
 * {@code *} in a search are the characters themselves.
 */
public final class CustomerSearchKeys {

    /** A UK postcode anywhere in a text: outward code, optional space, inward code. */
    private static final Pattern POSTCODE = Pattern.compile(
            "\\b([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*([0-9][A-Z]{2})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_POSTCODE = Pattern.compile(
            "\\s*([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*([0-9][A-Z]{2})\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ()./-]*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final int MIN_PHONE_DIGITS = 6;

    /** The keys of one complaint; every field null when there is nothing to find it by. */
    public record Keys(String text, String name, String postcode, String phone, String email) {
        static final Keys NONE = new Keys(null, null, null, null, null);
    }

    private CustomerSearchKeys() {
    }

    public static Keys of(ContactDetails customer, ContactDetails representative) {
        if (customer == null) {
            return Keys.NONE;
        }
        ContactDetails rep = representative == null ? new ContactDetails(null, null, null, null) : representative;
        String postcode = postcodeIn(customer.getAddress());
        String text = Stream.of(fold(customer.getName()), fold(rep.getName()), fold(customer.getAddress()),
                        fold(rep.getAddress()), postcode == null ? null : postcode.toLowerCase(Locale.ROOT),
                        email(customer.getEmail()), email(rep.getEmail()), phone(customer.getPhone()),
                        phone(rep.getPhone()))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return new Keys(limit(text, 2000), limit(fold(customer.getName()), 400), postcode,
                limit(phone(customer.getPhone()), 20), limit(email(customer.getEmail()), 320));
    }

    /** Lower case, accents and other combining marks removed, runs of white space as one space; null if blank. */
    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String folded = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)
                // letters that do not decompose into a base letter and a mark
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o").replace("ł", "l")
                .replace("đ", "d").replace("ð", "d").replace("þ", "th").replace("ı", "i")
                .replace("’", "'").replace("‘", "'");
        return folded.strip().replaceAll("\\s+", " ");
    }

    /** The last UK postcode in an address, upper case without its space; null if none. */
    public static String postcodeIn(String address) {
        if (address == null) {
            return null;
        }
        Matcher matcher = POSTCODE.matcher(address);
        String found = null;
        while (matcher.find()) {
            found = (matcher.group(1) + matcher.group(2)).toUpperCase(Locale.ROOT);
        }
        return found;
    }

    /** The postcode when the whole text is one ("pe29 3qw", "PE293QW"), else null. */
    public static String asPostcode(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = WHOLE_POSTCODE.matcher(text);
        return matcher.matches() ? (matcher.group(1) + matcher.group(2)).toUpperCase(Locale.ROOT) : null;
    }

    /**
     * A phone number as its digits, a UK international prefix (+44, 0044) written as the national 0; null
     * when the text is not a phone number of at least 6 digits.
     */
    public static String phone(String text) {
        if (text == null || !PHONE.matcher(text.strip()).matches()) {
            return null;
        }
        String trimmed = text.strip();
        String digits = trimmed.replaceAll("[^0-9]", "");
        boolean international = trimmed.startsWith("+") || digits.startsWith("00");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (international && digits.startsWith("44")) {
            digits = "0" + digits.substring(2);
        }
        if (international && digits.startsWith("00")) {
            digits = digits.substring(1);
        }
        return digits.length() < MIN_PHONE_DIGITS ? null : digits;
    }

    public static String email(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    private static String limit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
