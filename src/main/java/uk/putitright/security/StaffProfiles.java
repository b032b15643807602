package uk.putitright.security;

import java.util.Objects;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's user store, with staff names under the administrators' control: a staff name is printed in
 * customer letters ("Your case handler is Sam Jones"), so only an administrator sets a user's first name,
 * last name or email, and every name must look like one (letters, digits, spaces, apostrophes, hyphens, full
 * stops; at most 50 characters each: no markup, control, zero-width or bidirectional characters). Anyone may still change their own password, as Camunda lets them.
 */
public class StaffProfiles extends DbIdentityServiceProvider {

    static final int MAX_LENGTH = 50;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]([\\p{L}\\p{M}\\p{Nd} '’.-]*[\\p{L}\\p{M}\\p{Nd}.])?");

    @Override
    public IdentityOperationResult saveUser(User user) {
        checkName("firstName", user.getFirstName());
        checkName("lastName", user.getLastName());
        if (((UserEntity) user).getRevision() != 0 && !byAdministratorOrSystem()) {
            UserEntity stored = findUserById(user.getId());
            if (stored != null && (!Objects.equals(stored.getFirstName(), user.getFirstName())
                    || !Objects.equals(stored.getLastName(), user.getLastName())
                    || !Objects.equals(stored.getEmail(), user.getEmail()))) {
                throw new AuthorizationException("Only an administrator changes a member of staff's name or email:"
                        + " names are printed in letters to customers");
            }
        }
        return super.saveUser(user);
    }

    private static boolean byAdministratorOrSystem() {
        CommandContext command = Context.getCommandContext();
        Authentication caller = command.getAuthentication();
        return caller == null || !command.isAuthorizationCheckEnabled()
                || command.getAuthorizationManager().isCamundaAdmin(caller);
    }

    static void checkName(String field, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (name.length() > MAX_LENGTH || !NAME.matcher(name).matches()) {
            throw new BadUserRequestException(field + " must be a name of at most " + MAX_LENGTH
                    + " letters, digits, spaces, apostrophes, hyphens or full stops");
        }
    }
}
