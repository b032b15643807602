package uk.putitright.security;

import java.util.Set;

/**
 * The Camunda groups whose members are staff (the roles of the procedures; tasklist names them). A user in
 * none of them, such as the monitoring system's user, reads no complaint and reaches no engine API.
 */
public interface StaffGroups {

    /** Administrators: every right in the engine (Camunda's own rule), every endpoint here. */
    String ADMINISTRATORS = "camunda-admin";

    /** The role group ids, without {@link #ADMINISTRATORS}. */
    Set<String> roleGroupIds();
}
