package uk.putitright.letters;

import uk.putitright.complaint.ContactMethod;

/**
 * Who a letter goes to and how: the customer, or a representative's copy (only once the customer has
 * consented).
 *
 * @param copyForRepresentative true for the representative's copy
 * @param method EMAIL or POST (a customer who prefers the phone still gets the written response, by email
 *               when we have an address, else by post)
 */
public record Recipient(String name, String email, String postalAddress, ContactMethod method,
                        boolean copyForRepresentative) {
}
