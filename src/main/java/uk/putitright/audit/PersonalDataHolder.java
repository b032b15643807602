package uk.putitright.audit;

import uk.putitright.complaint.Complaint;

/**
 * A capability above this package that keeps some of a customer's personal data of its own (the case search's
 * audit entries hold what staff typed): {@link PersonalDataErasure} asks each to erase it, in the erasure's
 * transaction, before the complaint is anonymised.
 */
public interface PersonalDataHolder {

    /** @return how many entries were erased or redacted */
    int erase(Complaint complaint);
}
