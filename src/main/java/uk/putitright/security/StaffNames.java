package uk.putitright.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * How staff are named to customers and colleagues ("Sam Jones"; the user id when Camunda has no first name).
 * Every letter and task names the case handler, so names are kept for a minute rather than asked of the
 * identity service each time; a renamed user shows the new name within that minute. Names are read with the
 * application's rights: a member of staff may not read other users' profiles in Camunda, and a letter written
 * while they work (or a name kept from a form they opened) must still name the case handler, not their login.
 */
@Component
public class StaffNames {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private record Known(String name, long until) {
    }

    private final IdentityService identity;
    private final SystemRights systemRights;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    StaffNames(IdentityService identity, SystemRights systemRights) {
        this.identity = identity;
        this.systemRights = systemRights;
    }

    /** The display name of a user id, or null for none. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        long now = System.nanoTime();
        Known cached = known.get(userId);
        if (cached != null && cached.until - now > 0) {
            return cached.name;
        }
        String name = lookUp(userId);
        known.put(userId, new Known(name, now + KEEP.toNanos()));
        return name;
    }

    private String lookUp(String userId) {
        User user = systemRights.run(() -> identity.createUserQuery().userId(userId).singleResult());
        if (user == null || user.getFirstName() == null || user.getFirstName().isBlank()) {
            return userId;
        }
        return (user.getFirstName() + " " + (user.getLastName() == null ? "" : user.getLastName())).strip();
    }
}
