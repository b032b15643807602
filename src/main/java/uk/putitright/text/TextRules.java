package uk.putitright.text;

import java.util.Optional;

/**
 * The characters people's text may hold, and the clean-up applied before printing stored text.
 * Rules are per code point, so an emoji outside the Basic Multilingual Plane counts as one character.
 */
public final class TextRules {

    /** What a field holds, and so which whitespace and invisible characters it may contain. */
    public enum Kind {
        /** One line: an email address, a phone number, an id, a reference. */
        LINE(false, true),
        /** A person's name: one line, nothing invisible or direction-changing (it is printed and searched). */
        NAME(false, false),
        /** A postal address: line breaks allowed, nothing invisible or direction-changing. */
        ADDRESS(true, false),
        /** What someone writes in their own words: line breaks and tabs allowed. */
        FREE_TEXT(true, true);

        private final boolean lines;
        private final boolean invisible;

        Kind(boolean lines, boolean invisible) {
            this.lines = lines;
            this.invisible = invisible;
        }
    }

    private TextRules() {
    }

    /** What is wrong with {@code value} for a field of this kind, for a message beside the field; empty if fine. */
    public static Optional<String> problem(String value, Kind kind) {
        if (value == null) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= value.length()
                        || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of("contains a broken character (an unpaired surrogate); type it again");
                }
            }
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                if (!kind.lines) {
                    return Optional.of("must be on one line (it contains a " + (cp == '\t' ? "tab" : "line break") + ")");
                }
            } else if (Character.getType(cp) == Character.CONTROL) {
                return Optional.of("contains a control character (" + codePoint(cp) + "); remove it");
            } else if (isNonCharacter(cp)) {
                return Optional.of("contains a character that is not text (" + codePoint(cp) + "); remove it");
            } else if (!kind.invisible && isInvisible(cp)) {
                return Optional.of("contains an invisible or text-direction character (" + codePoint(cp)
                        + "); remove it");
            }
        }
        return Optional.empty();
    }

    /**
     * The text without what no letter can print and XML cannot hold: control characters (but line breaks and
     * tabs), non-characters and unpaired surrogates. For text stored before the rules above, and for a
     * rendered document as a whole.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean drop = Character.isSurrogate((char) cp) && width == 1
                    || cp != '\n' && cp != '\r' && cp != '\t' && Character.getType(cp) == Character.CONTROL
                    || isNonCharacter(cp);
            if (drop && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && kept != null) {
                kept.appendCodePoint(cp);
            }
            i += width;
        }
        return kept == null ? text : kept.toString();
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). */
    static boolean isNonCharacter(int cp) {
        return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
    }

    /**
     * Format characters (Unicode category Cf): zero-width spaces, the byte-order mark, soft hyphens and the
     * bidirectional embeddings, overrides, isolates and marks that can make a name read differently from how it
     * is stored. The zero-width (non-)joiners U+200C and U+200D are kept: Persian and Indic names need them.
     */
    static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D;
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
