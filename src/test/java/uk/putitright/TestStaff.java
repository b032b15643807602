package uk.putitright;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;

/**
 * Staff accounts for tests: made once, so a test may ask for the same user in every run of a cached context;
 * and the HTTP Basic header they log in with.
 */
public final class TestStaff {

    private TestStaff() {
    }

    /** A user with this password in this group, creating whichever of the three is missing. */
    public static void ensure(IdentityService identity, String userId, String password, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            identity.saveGroup(identity.newGroup(groupId));
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            var user = identity.newUser(userId);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    /** The value of an HTTP Basic {@code Authorization} header. */
    public static String basicAuth(String userId, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
