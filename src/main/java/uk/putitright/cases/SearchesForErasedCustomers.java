package uk.putitright.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.putitright.audit.PersonalDataHolder;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.CustomerSearchKeys;

/**
 * A {@code CASE_SEARCH} audit entry keeps what a member of staff typed, often a customer's name, postcode, phone
 * or email. When a customer is erased, every search that would have found them (each of its terms occurs in
 * their search keys, as the search itself matches) keeps who searched, when, the filters and how many were
 * found, and its text becomes {@code [erased]}. A search that did not find them (a typo) is not recognised as
 * theirs. References and filters are not personal data and stay.
 */
@Component
class SearchesForErasedCustomers implements PersonalDataHolder {

    static final String ERASED = "[erased]";
    /** The search text of an entry: {@link CaseQuery#describe()} writes it first, before the named filters. */
    private static final Pattern SEARCH_TEXT = Pattern.compile("q=(.*?)(?= (?:"
            + String.join("|", CaseQuery.PARAMETERS) + "|found)=|$)", Pattern.DOTALL);

    private final JdbcTemplate jdbc;

    SearchesForErasedCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int erase(Complaint complaint) {
        String keys = CustomerSearchKeys.of(complaint.getCustomer(), complaint.getRepresentative()).text();
        if (keys == null) {
            return 0;
        }
        List<Object[]> redactions = new ArrayList<>();
        jdbc.query("select id, detail from audit_event where action = 'CASE_SEARCH' and detail like 'q=%'", rs -> {
            String detail = rs.getString("detail");
            Matcher text = SEARCH_TEXT.matcher(detail);
            if (text.lookingAt() && wouldFind(text.group(1), keys)) {
                redactions.add(new Object[] {"q=" + ERASED + detail.substring(text.end()), rs.getLong("id")});
            }
        });
        if (!redactions.isEmpty()) {
            jdbc.batchUpdate("update audit_event set detail = ? where id = ?", redactions);
        }
        return redactions.size();
    }

    private static boolean wouldFind(String searchText, String keys) {
        List<String> terms = CaseQuery.termsOf(searchText);
        return !ERASED.equals(searchText) && !terms.isEmpty() && terms.stream().allMatch(keys::contains);
    }
}
