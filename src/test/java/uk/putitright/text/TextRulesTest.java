package uk.putitright.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.putitright.text.TextRules.Kind;

/** Which characters each kind of field accepts, and what printing drops from stored text. */
class TextRulesTest {

    @Test
    void ordinaryUnicodeIsKeptInEveryKindOfField() {
        for (String text : new String[] {"Siân Ŵyn Ŷr", "Zażółć Gęślą Jaźń", "José Müller-Øre", "Pat 😀 👍🏽",
                "محمد", "王小明", "O'Brien & Sons", "Mehr\u200Cnaz"}) {
            for (Kind kind : Kind.values()) {
                assertThat(TextRules.problem(text, kind)).as(kind + " " + text).isEmpty();
            }
        }
    }

    @Test
    void controlCharactersNonCharactersAndBrokenSurrogatesAreRefusedEverywhere() {
        for (String text : new String[] {"Pat\u0000", "Pat\u0001", "Pat\u001B[31m", "Pat\u007F", "Pat\u0085",
                "Pat\uFFFE", "Pat\uFFFF", "Pat\uFDD0", "Pat\uFDEF", "Pat" + new String(Character.toChars(0x1FFFE)),
                "Pat\uD800", "\uDC00Pat", "Pat\uDBFF"}) {
            for (Kind kind : Kind.values()) {
                assertThat(TextRules.problem(text, kind)).as(kind + " " + escaped(text)).isPresent();
            }
        }
    }

    @Test
    void lineBreaksOnlyWhereTheFieldHasLines() {
        assertThat(TextRules.problem("1 High Street\nHuntingdon\r\nPE29 3QW", Kind.ADDRESS)).isEmpty();
        assertThat(TextRules.problem("First point.\n\n\tSecond point.", Kind.FREE_TEXT)).isEmpty();
        assertThat(TextRules.problem("Pat\nTenant", Kind.NAME)).hasValueSatisfying(m -> assertThat(m).contains("one line"));
        assertThat(TextRules.problem("pat@example.org\t", Kind.LINE)).isPresent();
    }

    @Test
    void namesAndAddressesRefuseInvisibleAndDirectionChangingCharacters() {
        for (String text : new String[] {"Pat\u202ETenant", "Pat\u2066x\u2069", "Pat\u200BTenant", "\uFEFFPat",
                "Pat\u200F", "Pat\u00ADTenant", "Pat\u2060"}) {
            assertThat(TextRules.problem(text, Kind.NAME)).as(escaped(text)).hasValueSatisfying(
                    m -> assertThat(m).contains("invisible or text-direction"));
            assertThat(TextRules.problem(text, Kind.ADDRESS)).as(escaped(text)).isPresent();
            // free text keeps them: a customer's own words, quoted as written
            assertThat(TextRules.problem(text, Kind.FREE_TEXT)).as(escaped(text)).isEmpty();
        }
    }

    @Test
    void theMessageNamesTheCharacter() {
        assertThat(TextRules.problem("Pat\u0001", Kind.NAME)).hasValue("contains a control character (U+0001); remove it");
        assertThat(TextRules.problem("Pat\uFFFE", Kind.NAME)).hasValueSatisfying(m -> assertThat(m).contains("U+FFFE"));
    }

    @Test
    void printingDropsWhatXmlCannotHoldAndKeepsTheRest() {
        assertThat(TextRules.printable("Pat\u0000 T\u0001en\uFFFEant\uD800 😀\nŵ\t")).isEqualTo("Pat Tenant 😀\nŵ\t");
        String clean = "Siân 😀";
        assertThat(TextRules.printable(clean)).isSameAs(clean);
        assertThat(TextRules.printable(null)).isNull();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
