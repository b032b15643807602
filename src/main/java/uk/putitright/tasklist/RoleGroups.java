package uk.putitright.tasklist;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.putitright.security.StaffGroups;

/** Staff are the members of the {@link Role} groups. */
@Component
class RoleGroups implements StaffGroups {

    @Override
    public Set<String> roleGroupIds() {
        return Arrays.stream(Role.values()).map(Role::groupId).collect(Collectors.toUnmodifiableSet());
    }
}
