package uk.putitright.intake;

/** A value that passes the field rules but not a business rule (an unknown landlord, say). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
