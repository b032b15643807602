package uk.putitright.cases;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.CustomerSearchKeys;
import uk.putitright.complaint.Stage;
import uk.putitright.intake.InvalidFieldException;

/**
 * One case search as staff asked for it, checked: every parameter is known and has a valid value, or the
 * search is refused naming the parameter ({@link InvalidFieldException}, a 400 problem). Engine-free.
 *
 * @param q          what was typed in the search box (trimmed), or null for a plain list
 * @param page       0 for the first page
 * @param dueWithin  working days: the next deadline falls due within this many (0 = by the end of today)
 */
public record CaseQuery(String q, ComplaintStatus status, Stage stage, boolean overdue, Integer dueWithin,
                        String handler, String team, String landlord, String businessLine, Channel channel,
                        LocalDate receivedFrom, LocalDate receivedTo, Sort sort, int page, int size) {

    public enum Sort { DEADLINE, RECEIVED, REFERENCE }

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 25;
    public static final int MIN_QUERY = 2;
    public static final int MAX_QUERY = 200;
    public static final Set<String> PARAMETERS = Set.of("q", "status", "stage", "overdue", "dueWithin", "handler",
            "team", "landlord", "businessLine", "channel", "receivedFrom", "receivedTo", "sort", "page", "size");

    private static final Pattern USER_OR_GROUP = Pattern.compile("[a-zA-Z0-9]+([._-][a-zA-Z0-9]+)*");
    /** A reference with or without its prefix: CHG-2026-000042, 2026-000042, or the number alone. */
    private static final Pattern REFERENCE = Pattern.compile("(?:([A-Za-z]{2,5})-)?(\\d{4})-(\\d{1,12})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}");
    /** References are written with at least 6 digits (CHG-2026-000042). */
    private static final int WHOLE_NUMBER = 6;
    private static final Pattern WHOLE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern WHOLE_PHONE = Pattern.compile("0\\d{9,10}");
    /** Part of a reference: its prefix with or without the year ("CHG-", "CHG-2026"), or year and number digits. */
    private static final Pattern REFERENCE_PART = Pattern.compile(
            "(?:[A-Za-z]{2,5}-)?\\d{1,4}-\\d{0,12}|[A-Za-z]{2,5}-\\d{0,12}|-\\d{1,12}");

    /** Checks the request's parameters (unknown ones too) against the landlords and teams there are. */
    public static CaseQuery parse(Map<String, String> params, Set<String> landlords, Set<String> teams) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidFieldException(safe(name), "is not a search parameter");
            }
        }
        String q = blankToNull(params.get("q"));
        if (q != null && q.codePointCount(0, q.length()) < MIN_QUERY) {
            throw new InvalidFieldException("q", "must be at least " + MIN_QUERY + " characters");
        }
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidFieldException("q", "must be at most " + MAX_QUERY + " characters");
        }
        ComplaintStatus status = switch (lower(params.get("status"))) {
            case "" -> null;
            case "open" -> ComplaintStatus.OPEN;
            case "closed" -> ComplaintStatus.CLOSED;
            default -> throw new InvalidFieldException("status", "must be open or closed");
        };
        String landlord = blankToNull(params.get("landlord"));
        if (landlord != null && !landlords.contains(landlord)) {
            throw new InvalidFieldException("landlord", "is not a landlord of this installation");
        }
        String team = blankToNull(params.get("team"));
        if (team != null && !teams.contains(team)) {
            throw new InvalidFieldException("team", "is not a team (candidate group)");
        }
        String handler = blankToNull(params.get("handler"));
        if (handler != null && !USER_OR_GROUP.matcher(handler).matches()) {
            throw new InvalidFieldException("handler", "is not a user id");
        }
        String businessLine = blankToNull(params.get("businessLine"));
        if (businessLine != null && (businessLine.length() > 40 || !USER_OR_GROUP.matcher(businessLine).matches())) {
            throw new InvalidFieldException("businessLine", "is not a business line");
        }
        LocalDate from = date(params, "receivedFrom");
        LocalDate to = date(params, "receivedTo");
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("receivedTo", "must not be before receivedFrom");
        }
        int size = number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new CaseQuery(q, status, option(Stage.class, params, "stage"), bool(params, "overdue"),
                params.containsKey("dueWithin") && !params.get("dueWithin").isBlank()
                        ? number(params, "dueWithin", 0, 0, 60) : null,
                handler, team, landlord, businessLine, option(Channel.class, params, "channel"), from, to,
                params.containsKey("sort") ? option(Sort.class, params, "sort") : Sort.DEADLINE,
                number(params, "page", 0, 0, 100_000), size);
    }

    /** The number of the complaint when q is a reference (with or without prefix) or a plain number. */
    public Long referenceNumber() {
        if (q == null) {
            return null;
        }
        Matcher reference = REFERENCE.matcher(q);
        if (reference.matches()) {
            return Long.parseLong(reference.group(3));
        }
        return NUMBER.matcher(q).matches() ? Long.parseLong(q) : null;
    }

    /**
     * The LIKE pattern the reference must match when q is a reference ("CHG-2026-%", or "%-2026-%" without
     * its prefix); its number is {@link #referenceNumber()}. Letters and digits only, so nothing to escape.
     */
    public String referencePattern() {
        Matcher reference = q == null ? null : REFERENCE.matcher(q);
        if (reference == null || !reference.matches()) {
            return null;
        }
        return (reference.group(1) == null ? "%" : reference.group(1).toUpperCase(Locale.ROOT)) + "-"
                + reference.group(2) + "-%";
    }

    /**
     * The text a reference must contain when q is part of one ("CHG-2026", "2026-0001"), upper case as
     * references are written; null otherwise, and for a whole reference (its number of 6 digits or more),
     * which {@link #referenceNumber()} finds by id: the trigram match of a whole reference reads the long
     * posting lists of trigrams every reference shares ("CHG", "202") for nothing. Letters, digits and
     * hyphens only, so nothing to escape.
     */
    public String referencePart() {
        if (q == null || !REFERENCE_PART.matcher(q).matches()) {
            return null;
        }
        Matcher whole = REFERENCE.matcher(q);
        return whole.matches() && whole.group(3).length() >= WHOLE_NUMBER ? null : q.toUpperCase(Locale.ROOT);
    }

    /**
     * The email, lower case, when q is a whole one ("Zoe.Price@Example.COM"), found on the customer's email key
     * rather than in the text; null otherwise (part of an email is looked for in the text).
     */
    public String wholeEmail() {
        return q != null && WHOLE_EMAIL.matcher(q.strip()).matches() ? CustomerSearchKeys.email(q) : null;
    }

    /**
     * The digits when q is a whole UK phone number (a 0 and 9 or 10 more digits once +44 is written as 0),
     * found on the customer's phone key; null otherwise (part of a number is looked for in the text).
     */
    public String wholePhone() {
        String phone = q == null ? null : CustomerSearchKeys.phone(q);
        return phone != null && WHOLE_PHONE.matcher(phone).matches() ? phone : null;
    }

    /**
     * The texts that must all occur in a complaint's search keys: a phone number as its digits, a whole
     * postcode without its space, an email lower case, anything else word by word folded.
     */
    public java.util.List<String> terms() {
        return termsOf(q);
    }

    /** {@link #terms()} of any search text, e.g. one read back from the audit log; none for null. */
    public static java.util.List<String> termsOf(String q) {
        if (q == null || q.isBlank()) {
            return java.util.List.of();
        }
        q = q.strip();
        String phone = CustomerSearchKeys.phone(q);
        if (phone != null) {
            return java.util.List.of(phone);
        }
        String postcode = CustomerSearchKeys.asPostcode(q);
        if (postcode != null) {
            return java.util.List.of(postcode.toLowerCase(Locale.ROOT));
        }
        if (q.contains("@")) {
            return java.util.List.of(CustomerSearchKeys.email(q));
        }
        return java.util.List.of(CustomerSearchKeys.fold(q).split(" "));
    }

    /** The same search without one filter, for that filter's counts. */
    CaseQuery without(Filter filter) {
        return new CaseQuery(q, filter == Filter.STATUS ? null : status, filter == Filter.STAGE ? null : stage,
                filter != Filter.OVERDUE && overdue, filter == Filter.DUE_WITHIN ? null : dueWithin,
                filter == Filter.HANDLER ? null : handler, filter == Filter.TEAM ? null : team,
                filter == Filter.LANDLORD ? null : landlord, filter == Filter.BUSINESS_LINE ? null : businessLine,
                filter == Filter.CHANNEL ? null : channel, receivedFrom, receivedTo, sort, page, size);
    }

    enum Filter { STATUS, STAGE, OVERDUE, DUE_WITHIN, HANDLER, TEAM, LANDLORD, BUSINESS_LINE, CHANNEL }

    /** What was asked, for the audit log (the search text included: who searched for whom). */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "q", q);
        append(text, "status", status);
        append(text, "stage", stage);
        append(text, "overdue", overdue ? "true" : null);
        append(text, "dueWithin", dueWithin);
        append(text, "handler", handler);
        append(text, "team", team);
        append(text, "landlord", landlord);
        append(text, "businessLine", businessLine);
        append(text, "channel", channel);
        append(text, "receivedFrom", receivedFrom);
        append(text, "receivedTo", receivedTo);
        append(text, "page", page == 0 ? null : page);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value);
        }
    }

    private static <E extends Enum<E>> E option(Class<E> type, Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(name, "is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    private static boolean bool(Map<String, String> params, String name) {
        return switch (lower(params.get(name))) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new InvalidFieldException(name, "must be true or false");
        };
    }

    private static int number(Map<String, String> params, String name, int fallback, int min, int max) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidFieldException(name, "must be a whole number from " + min + " to " + max);
    }

    private static LocalDate date(Map<String, String> params, String name) {
        String value = blankToNull(params.get(name));
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException(name, "must be a date like 2026-12-31");
        }
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String safe(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.length() > 40 ? safe.substring(0, 40) : safe;
    }
}
