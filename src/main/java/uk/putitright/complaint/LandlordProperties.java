package uk.putitright.complaint;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The landlord this installation serves ({@code putitright.landlord}) and what we know of each landlord.
 * The procedure itself (timescales, routing) is in processes/complaint-policy.dmn, not here.
 */
@ConfigurationProperties("putitright")
public record LandlordProperties(String landlord, Map<String, Landlord> landlords) {

    public LandlordProperties {
        landlords = landlords == null ? Map.of() : Map.copyOf(landlords);
    }

    /**
     * @param referencePrefix the letters customers see at the start of a reference, e.g. CHG
     * @param defaultBusinessLine used when a complaint names none (e.g. homes-plus for Housing Plus)
     * @param homes homes the landlord owns, for complaints per 1,000 homes (TSM CH01); null if not configured
     */
    public record Landlord(String name, String referencePrefix, String defaultBusinessLine, String address,
                           String phone, String email, String website, Integer homes) {
    }

    public boolean isKnown(String id) {
        return id != null && landlords.containsKey(id);
    }

    public Landlord get(String id) {
        Landlord found = landlords.get(id);
        if (found == null) {
            throw new IllegalArgumentException("Unknown landlord " + id);
        }
        return found;
    }
}
