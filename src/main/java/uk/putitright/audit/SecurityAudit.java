package uk.putitright.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.putitright.security.LoginsThrottled;
import uk.putitright.text.TextRules;

/** Security events that concern no complaint, written to the audit log: failed-login limits reached. */
@Component
class SecurityAudit {

    static final String LOGINS_THROTTLED = "LOGINS_THROTTLED";

    private final AuditLog audit;

    SecurityAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void loginsThrottled(LoginsThrottled event) {
        String account = TextRules.printable(event.userId());
        account = account.length() > 100 ? account.substring(0, 100) + "..." : account;
        audit.record(null, "client " + event.clientAddress(), LOGINS_THROTTLED,
                event.failures() + " failed logins " + (event.limit() == LoginsThrottled.Limit.ADDRESS
                        ? "from this address" : "for account '" + account + "'")
                        + "; logins refused for up to " + event.retryAfterSeconds() + " s (last account tried: '"
                        + account + "')");
    }
}
