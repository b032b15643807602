package uk.putitright.cases;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.tasklist.Role;

/**
 * Who may read which case. Every staff role works on complaints of any team (customer service finds any case
 * when a tenant phones; managers and auditors see across teams), so they read every case; auditors read
 * only (SecurityConfig refuses them any change). The Independent Complaints Panel reads only the cases
 * referred to it. Anyone in none of these groups (a Camunda user with no staff group, the monitoring user)
 * reads no case.
 */
@Component
public class CaseAccess {

    /** Which cases a reader may see. */
    public enum Scope { ALL, REFERRED_TO_PANEL, NONE }

    static final String ADMINS = "camunda-admin";

    public Scope scope(Authentication user) {
        if (user == null || !user.isAuthenticated()) {
            return Scope.NONE;
        }
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .collect(Collectors.toSet());
        if (groups.contains(ADMINS)) {
            return Scope.ALL;
        }
        for (Role role : Role.values()) {
            if (role != Role.ICP_PANEL && groups.contains(role.groupId())) {
                return Scope.ALL;
            }
        }
        return groups.contains(Role.ICP_PANEL.groupId()) ? Scope.REFERRED_TO_PANEL : Scope.NONE;
    }

    public boolean maySee(Scope scope, Complaint complaint) {
        return switch (scope) {
            case ALL -> true;
            case REFERRED_TO_PANEL -> complaint.getIcpReferredAt() != null;
            case NONE -> false;
        };
    }
}
