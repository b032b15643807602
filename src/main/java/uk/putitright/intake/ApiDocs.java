package uk.putitright.intake;

/** Texts and examples for the OpenAPI description ({@code /v3/api-docs}, {@code /swagger-ui/index.html}). */
final class ApiDocs {

    static final String LOG_DESCRIPTION = """
            Logs a complaint and starts its procedure; the answer carries the complaint's reference. Open to the \
            public (no login).

            **Repeats log nothing.** Send an `Idempotency-Key` header (a UUID per complaint) and repeat the request \
            as often as needed: the same key with the same body gets the same 201 answer, with the same reference \
            and the header `Idempotent-Replayed: true`, for 24 hours; the same key with a different body is refused \
            with 422. Without the header, the same body (after parsing: spacing and field order do not matter) \
            from the same address within 10 minutes counts as a repeat too, so a double click logs one complaint.

            **Limits.** Bodies over 64 KiB are refused with 413; every text field has a maximum length (400 names \
            the field); each client address may log 10 complaints a minute (429 with `Retry-After`). Repeats and \
            refused requests do not count. Errors are RFC 9457 problem details (`application/problem+json`); a 400 \
            lists each bad field in `errors: [{field, message}]`.""";

    static final String IDEMPOTENCY_KEY = "A key the client makes up for this complaint (a UUID), 1 to 100 "
            + "letters, digits or . _ : -. Repeating a request with it returns the first answer instead of logging "
            + "a second complaint; used with a different body it is refused (422).";

    static final String EXAMPLE_EMAIL = """
            {
              "channel": "ONLINE_FORM",
              "businessLine": "",
              "customer": {
                "name": "Pat Tenant",
                "email": "pat@example.org",
                "phone": "01480 000000",
                "address": "2 Ouse Walk, Huntingdon, PE29 3QW",
                "preferredContact": "EMAIL"
              },
              "summary": "Damp in the bedroom has not been treated since my repair request in March.",
              "desiredOutcome": "Treat the damp and repaint the wall"
            }""";

    static final String EXAMPLE_REPRESENTATIVE = """
            {
              "channel": "PHONE",
              "customer": {
                "name": "Sam Resident",
                "address": "Flat 4, Brook House, Huntingdon, PE29 3QW",
                "preferredContact": "POST"
              },
              "representative": {
                "name": "Alex Advocate",
                "email": "alex@advice.example.org",
                "phone": "01480 111111"
              },
              "summary": "The lift has been broken for three weeks and Sam cannot leave the flat.",
              "desiredOutcome": "Repair the lift"
            }""";

    static final String EXAMPLE_400 = """
            {
              "type": "about:blank",
              "title": "Invalid complaint data",
              "status": 400,
              "detail": "customer.email must be a well-formed email address",
              "instance": "/api/complaints",
              "errors": [{"field": "customer.email", "message": "must be a well-formed email address"}]
            }""";

    static final String EXAMPLE_422 = """
            {
              "type": "about:blank",
              "title": "Idempotency key reused",
              "status": 422,
              "detail": "Idempotency-Key was already used for a different complaint; send a new key for a new complaint",
              "instance": "/api/complaints",
              "errors": [{"field": "Idempotency-Key", "message": "was already used for a different complaint; send a new key for a new complaint"}]
            }""";

    private ApiDocs() {
    }
}
