package uk.putitright.intake;

/** How intake treats empty answers: a blank field is no answer. */
final class IntakeText {

    private IntakeText() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** As {@link #blankToNull}, without the spaces around a typed answer. */
    static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
