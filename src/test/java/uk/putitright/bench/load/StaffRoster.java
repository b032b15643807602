package uk.putitright.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 40 members of staff of the load run, spread over the roles as at a large landlord (most in the
 * Customer Service Centre and among the service managers). The same users, with password = user id, exist in
 * the product and in the bare engine, so each call is made by the same person on both.
 */
public final class StaffRoster {

    /** One member of staff and the group (role) they are in. */
    public record Member(String userId, String groupId) {
    }

    /** Users per group; 40 in all. */
    static final Map<String, Integer> USERS_PER_GROUP = Map.of(
            "customer-service", 8, "service-managers", 10, "advocacy", 5, "heads-of-service", 4,
            "senior-advocacy", 3, "directors", 3, "icp-panel", 2, "ombudsman-liaison", 2, "auditors", 3);

    /** Every group a user of the roster may be in, in a fixed order (so the roster is the same on every run). */
    public static final List<String> GROUPS = List.of("customer-service", "service-managers", "advocacy",
            "heads-of-service", "senior-advocacy", "directors", "icp-panel", "ombudsman-liaison", "auditors");

    private StaffRoster() {
    }

    public static List<Member> members() {
        List<Member> members = new ArrayList<>();
        for (String group : GROUPS) {
            for (int i = 1; i <= USERS_PER_GROUP.get(group); i++) {
                members.add(new Member("load.%s.%02d".formatted(group, i), group));
            }
        }
        return members;
    }
}
