package uk.putitright.cases;

/** The reader may not see this case (or any case): a 403 problem. */
class CaseAccessDeniedException extends RuntimeException {

    CaseAccessDeniedException(String message) {
        super(message);
    }
}
