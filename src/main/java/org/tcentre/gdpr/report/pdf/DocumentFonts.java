package org.tcentre.gdpr.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document, and the two questions layout asks of them: how wide is this text, and can
 * it be drawn at all.
 *
 * <p>Only DejaVu Sans is used, shipped in the jar ({@code fonts/}, with its licence): PDFBox 3 embeds no
 * standard fonts, an archival PDF must embed every font it uses, and DejaVu covers Latin, Greek and
 * Cyrillic names. The font files are read once per JVM; each document parses them and embeds a subset.
 *
 * <p>Glyph substitution (the font's GSUB ligatures and contextual forms) is switched off: report text
 * needs none of it, text is normalised to composed characters (NFC) instead, and PDFBox 3 applies GSUB
 * word by word through regular expressions, which took about four fifths of the time to render a report.
 * Without it the drawn widths are also exactly the measured ones.
 */
final class DocumentFonts implements AutoCloseable {

    private static final byte[] REGULAR_FILE = resource("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD_FILE = resource("/fonts/DejaVuSans-Bold.ttf");

    private final TrueTypeFont regularFile;
    private final TrueTypeFont boldFile;
    private final Face regular;
    private final Face bold;

    DocumentFonts(PDDocument document) {
        try {
            regularFile = parse(REGULAR_FILE);
            boldFile = parse(BOLD_FILE);
            regular = new Face(PDType0Font.load(document, regularFile, true));
            bold = new Face(PDType0Font.load(document, boldFile, true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the embedded DejaVu fonts", e);
        }
    }

    /** Releases the parsed font files; only after the document is saved, which is when subsets are built. */
    @Override
    public void close() {
        try {
            regularFile.close();
            boldFile.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PDFont font(TextStyle style) {
        return face(style).font;
    }

    /** Width in points of text already made {@link #printable printable}. */
    float width(String text, TextStyle style) {
        return face(style).units(text) * style.size() / 1000f;
    }

    /**
     * The text as it can be drawn: tabs become spaces, other control characters go, and a character the
     * font has no glyph for becomes "?" rather than failing the whole report. Line feeds are kept; the
     * line breaker turns them into line breaks.
     */
    String printable(String text, TextStyle style) {
        Face face = face(style);
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (cp == '\r' || Character.isISOControl(cp)) {
                // dropped: "\r\n" has already given its line break through the "\n"
            } else if (face.canDraw(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private Face face(TextStyle style) {
        return style.bold() ? bold : regular;
    }

    private static TrueTypeFont parse(byte[] file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
        font.setEnableGsub(false);
        return font;
    }

    private static byte[] resource(String path) {
        try (InputStream in = DocumentFonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One font with its per-character width cache: measuring is the hot path of layout. */
    private static final class Face {
        /** Latin, Greek and Cyrillic fit below this; an array lookup there, a map above. */
        private static final int COMMON = 0x0800;
        private static final float UNKNOWN = Float.NaN;

        private final PDFont font;
        private final float[] common = new float[COMMON];
        private final Map<Integer, Float> rare = new HashMap<>();

        Face(PDFont font) {
            this.font = font;
            Arrays.fill(common, UNKNOWN);
        }

        boolean canDraw(int codePoint) {
            return width(codePoint) >= 0;
        }

        float units(String text) {
            float sum = 0;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                sum += Math.max(0, width(cp));
                i += Character.charCount(cp);
            }
            return sum;
        }

        /** Width in 1/1000 em, or -1 when the font has no glyph for the character. */
        private float width(int codePoint) {
            if (codePoint < COMMON) {
                float cached = common[codePoint];
                if (Float.isNaN(cached)) {
                    cached = measure(codePoint);
                    common[codePoint] = cached;
                }
                return cached;
            }
            return rare.computeIfAbsent(codePoint, this::measure);
        }

        private float measure(int codePoint) {
            try {
                return font.getStringWidth(new String(Character.toChars(codePoint)));
            } catch (IllegalArgumentException | IOException e) {
                return -1f;
            }
        }
    }
}
