package uk.putitright.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.CustomerSearchKeys;
import uk.putitright.complaint.Stage;
import uk.putitright.intake.InvalidFieldException;

/** The search's normalisation and query building, without Spring or the engine. */
class CaseQueryTest {

    private static final Set<String> LANDLORDS = Set.of("chorus-homes", "housing-plus");
    private static final Set<String> TEAMS = Set.of("customer-service", "service-managers");

    @Test
    void postcodesAreUpperCaseWithoutSpaces() {
        assertThat(CustomerSearchKeys.asPostcode("pe293qw")).isEqualTo("PE293QW");
        assertThat(CustomerSearchKeys.asPostcode(" PE29  3QW ")).isEqualTo("PE293QW");
        assertThat(CustomerSearchKeys.asPostcode("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(CustomerSearchKeys.asPostcode("Price")).isNull();
        assertThat(CustomerSearchKeys.postcodeIn("Brook House, Ouse Walk, Huntingdon, pe29 3qw")).isEqualTo("PE293QW");
        assertThat(CustomerSearchKeys.postcodeIn("no postcode here")).isNull();
    }

    @Test
    void phoneNumbersAreTheirDigitsWithTheUkPrefixAsZero() {
        assertThat(CustomerSearchKeys.phone("+44 1234 567890")).isEqualTo("01234567890");
        assertThat(CustomerSearchKeys.phone("01234567890")).isEqualTo("01234567890");
        assertThat(CustomerSearchKeys.phone("01234 567 890")).isEqualTo("01234567890");
        assertThat(CustomerSearchKeys.phone("0044 (0)1234 567890")).isEqualTo("01234567890");
        assertThat(CustomerSearchKeys.phone("(01234) 567-890")).isEqualTo("01234567890");
        assertThat(CustomerSearchKeys.phone("12345")).as("too short to be a number").isNull();
        assertThat(CustomerSearchKeys.phone("Zoe 0123456")).as("not only a number").isNull();
    }

    @Test
    void namesFoldCaseAccentsAndSpaces() {
        assertThat(CustomerSearchKeys.fold("Zoë  PRICE")).isEqualTo("zoe price");
        assertThat(CustomerSearchKeys.fold("Siân Ó Briain-Jones")).isEqualTo("sian o briain-jones");
        assertThat(CustomerSearchKeys.fold("Łukasz Großmann")).isEqualTo("lukasz grossmann");
        assertThat(CustomerSearchKeys.fold("100%_*")).as("wildcards are kept as characters").isEqualTo("100%_*");
    }

    @Test
    void termsAreWhatMustOccurInTheSearchKeys() {
        assertThat(parse(Map.of("q", "Zoë price")).terms()).containsExactly("zoe", "price");
        assertThat(parse(Map.of("q", "+44 1234 567890")).terms()).containsExactly("01234567890");
        assertThat(parse(Map.of("q", "pe29 3QW")).terms()).containsExactly("pe293qw");
        assertThat(parse(Map.of("q", "Zoe.Price@Example.ORG")).terms()).containsExactly("zoe.price@example.org");
    }

    @Test
    void referencesWithOrWithoutPrefixOrAsANumber() {
        CaseQuery full = parse(Map.of("q", "chg-2026-000042"));
        assertThat(full.referenceNumber()).isEqualTo(42L);
        assertThat(full.referencePattern()).isEqualTo("CHG-2026-%");
        CaseQuery noPrefix = parse(Map.of("q", "2026-42"));
        assertThat(noPrefix.referenceNumber()).isEqualTo(42L);
        assertThat(noPrefix.referencePattern()).isEqualTo("%-2026-%");
        assertThat(parse(Map.of("q", "000042")).referenceNumber()).isEqualTo(42L);
        assertThat(parse(Map.of("q", "Price")).referenceNumber()).isNull();
    }

    @Test
    void partOfAReferenceIsMatchedAnywhereInReferences() {
        assertThat(parse(Map.of("q", "chg-2026")).referencePart()).isEqualTo("CHG-2026");
        assertThat(parse(Map.of("q", "2026-0001")).referencePart()).isEqualTo("2026-0001");
        assertThat(parse(Map.of("q", "CHG-2026-000042")).referencePart()).as("a whole reference: by id").isNull();
        assertThat(parse(Map.of("q", "2026-000042")).referencePart()).as("a whole reference: by id").isNull();
        assertThat(parse(Map.of("q", "CHG-2026-00004")).referencePart()).isEqualTo("CHG-2026-00004");
        assertThat(parse(Map.of("q", "-000042")).referencePart()).isEqualTo("-000042");
        assertThat(parse(Map.of("q", "Price")).referencePart()).as("a name").isNull();
        assertThat(parse(Map.of("q", "42")).referencePart()).as("a number alone is the complaint's id").isNull();
        assertThat(parse(Map.of("q", "Smith-Jones")).referencePart()).as("a double-barrelled name").isNull();
        CaseSearchSql.Where where = CaseSearchSql.where(parse(Map.of("q", "chg-2026")), null, false, Instant.now(),
                Instant.now(), ZoneId.of("Europe/London"));
        assertThat(where.sql()).contains("c.reference like :referencePart");
        assertThat(where.params()).containsEntry("referencePart", "%CHG-2026%");
    }

    @Test
    void searchTextReadBackFromTheAuditLogGivesTheSameTerms() {
        assertThat(CaseQuery.termsOf(" Zoë Price ")).containsExactly("zoe", "price");
        assertThat(CaseQuery.termsOf("01234 567 890")).containsExactly("01234567890");
        assertThat(CaseQuery.termsOf(null)).isEmpty();
    }

    @Test
    void wildcardsAreLiteral() {
        CaseSearchSql.Where where = CaseSearchSql.where(parse(Map.of("q", "5_%*\\")), null, false, Instant.now(),
                Instant.now(), ZoneId.of("Europe/London"));
        assertThat(where.sql()).contains("c.search_text like :term0 escape '\\'");
        assertThat(where.params()).containsEntry("term0", "%5\\_\\%*\\\\%");
    }

    @Test
    void filtersBecomeBoundConditions() {
        CaseQuery query = parse(Map.of("status", "open", "stage", "stage_1", "channel", "phone",
                "landlord", "chorus-homes", "overdue", "true", "receivedFrom", "2026-12-01", "receivedTo", "2026-12-31"));
        assertThat(query.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(query.stage()).isEqualTo(Stage.STAGE_1);
        CaseSearchSql.Where where = CaseSearchSql.where(query, null, true, Instant.parse("2026-12-04T10:00:00Z"),
                Instant.parse("2026-12-04T17:00:00Z"), ZoneId.of("Europe/London"));
        assertThat(where.sql()).contains("c.icp_referred_at is not null", "c.status = :status", "c.stage = :stage",
                "c.next_deadline_at < :now", "c.channel = :channel", "c.landlord = :landlord",
                "c.received_at >= :receivedFrom", "c.received_at < :receivedBefore");
        assertThat(where.params()).containsEntry("status", "OPEN").containsEntry("stage", "STAGE_1")
                .containsEntry("receivedBefore", Instant.parse("2027-01-01T00:00:00Z").atOffset(java.time.ZoneOffset.UTC));
        assertThat(where.sql()).doesNotContain("OPEN", "chorus");
    }

    @Test
    void aTeamIsItsOpenWorkInTheEngineTables() {
        CaseQuery query = parse(Map.of("team", TEAMS.iterator().next()));
        CaseSearchSql.Where where = CaseSearchSql.where(query, "select reference, team from work", false,
                Instant.now(), Instant.now(), ZoneId.of("Europe/London"));
        assertThat(where.sql())
                .contains("c.reference in (select w.reference from (select reference, team from work) w)");
        assertThat(where.params()).containsEntry("teams", java.util.List.of(TEAMS.iterator().next()));
        assertThat(CaseSearchSql.facets(query, "select reference, team from work", false, Instant.now(),
                Instant.now(), ZoneId.of("Europe/London")).sql()).as("the counts keep the team").contains("from work");
    }

    @Test
    void theCountsReadOnlyComplaintsFailingAtMostOneFilter() {
        String two = CaseSearchSql.facets(parse(Map.of("status", "open", "handler", "officer1")), null, false,
                Instant.now(), Instant.now(), ZoneId.of("Europe/London")).sql();
        assertThat(two).contains("((c.status = :status) or (c.case_handler = :handler))");
        String one = CaseSearchSql.facets(parse(Map.of("status", "open")), null, false, Instant.now(),
                Instant.now(), ZoneId.of("Europe/London")).sql();
        assertThat(one).as("every complaint counts for a status").doesNotContain(":status");
    }

    @Test
    void aWholeEmailOrPhoneIsFoundOnTheCustomersKeyAndTheRepresentativesText() {
        assertThat(parse(Map.of("q", " Zoe.Price@Example.ORG ")).wholeEmail()).isEqualTo("zoe.price@example.org");
        assertThat(parse(Map.of("q", "zoe.price@")).wholeEmail()).as("part of an email").isNull();
        assertThat(parse(Map.of("q", "@example.org")).wholeEmail()).as("part of an email").isNull();
        assertThat(parse(Map.of("q", "+44 7700 900123")).wholePhone()).isEqualTo("07700900123");
        assertThat(parse(Map.of("q", "01480 123456")).wholePhone()).isEqualTo("01480123456");
        assertThat(parse(Map.of("q", "900123")).wholePhone()).as("part of a number").isNull();
        assertThat(parse(Map.of("q", "7700 900123")).wholePhone()).as("without its 0").isNull();
        CaseSearchSql.Where email = CaseSearchSql.where(parse(Map.of("q", "PAT@EXAMPLE.ORG")), null, false,
                Instant.now(), Instant.now(), ZoneId.of("Europe/London"));
        assertThat(email.sql()).contains("c.search_email = :key or (c.representative_email is not null and"
                + " c.search_text like :term0");
        assertThat(email.params()).containsEntry("key", "pat@example.org").containsEntry("term0", "%pat@example.org%");
        CaseSearchSql.Where phone = CaseSearchSql.where(parse(Map.of("q", "07700 900123")), null, false,
                Instant.now(), Instant.now(), ZoneId.of("Europe/London"));
        assertThat(phone.sql()).contains("c.search_phone = :key or (c.representative_phone is not null and");
        CaseSearchSql.Where part = CaseSearchSql.where(parse(Map.of("q", "900123")), null, false,
                Instant.now(), Instant.now(), ZoneId.of("Europe/London"));
        assertThat(part.sql()).contains("c.search_text like :term0").doesNotContain(":key");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        assertRefused(Map.of("q", "a"), "q");
        assertRefused(Map.of("q", " z "), "q");
        assertRefused(Map.of("size", "101"), "size");
        assertRefused(Map.of("size", "0"), "size");
        assertRefused(Map.of("page", "-1"), "page");
        assertRefused(Map.of("status", "pending"), "status");
        assertRefused(Map.of("stage", "STAGE_9"), "stage");
        assertRefused(Map.of("channel", "carrier-pigeon"), "channel");
        assertRefused(Map.of("landlord", "nobody"), "landlord");
        assertRefused(Map.of("team", "cleaners"), "team");
        assertRefused(Map.of("overdue", "yes"), "overdue");
        assertRefused(Map.of("receivedFrom", "yesterday"), "receivedFrom");
        assertRefused(Map.of("receivedFrom", "2026-12-02", "receivedTo", "2026-12-01"), "receivedTo");
        assertRefused(Map.of("colour", "red"), "colour");
        assertThat(parse(Map.of("size", "100")).size()).isEqualTo(100);
        assertThat(parse(Map.of()).sort()).isEqualTo(CaseQuery.Sort.DEADLINE);
    }

    private static void assertRefused(Map<String, String> params, String field) {
        assertThatThrownBy(() -> parse(params)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    private static CaseQuery parse(Map<String, String> params) {
        return CaseQuery.parse(params, LANDLORDS, TEAMS);
    }
}
