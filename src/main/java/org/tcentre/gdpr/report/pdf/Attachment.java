package org.tcentre.gdpr.report.pdf;

import org.tcentre.gdpr.declaration.Sha256;

/**
 * A file embedded in the PDF report as a PDF/A-3 associated file: listed in the catalog's {@code /AF} array
 * and in the {@code EmbeddedFiles} name tree, with its relationship to the report, MIME type, size and dates.
 * The report embeds the declaration exactly as submitted ({@link Relationship#SOURCE}) and the JSON report
 * ({@link Relationship#DATA}), so the PDF alone is enough to reproduce and verify the result; read them
 * back with {@link ReportAttachments}.
 *
 * @param name        the file name, also the key in the name tree (e.g. "smart-camera.yaml")
 * @param mimeType    e.g. "application/yaml", stored as the embedded file's {@code /Subtype}
 * @param description shown by PDF viewers next to the file ({@code /Desc})
 */
public record Attachment(String name, String mimeType, Relationship relationship, String description, byte[] bytes) {

    /** The PDF/A-3 {@code /AFRelationship} values. */
    public enum Relationship {
        /** The original content the report was created from: the declaration. */
        SOURCE("Source"),
        /** Information used to derive the report's visual presentation: the JSON report. */
        DATA("Data"),
        ALTERNATIVE("Alternative"),
        SUPPLEMENT("Supplement"),
        UNSPECIFIED("Unspecified");

        private final String pdfName;

        Relationship(String pdfName) {
            this.pdfName = pdfName;
        }

        /** The value as written in the PDF, e.g. "Source". */
        public String pdfName() {
            return pdfName;
        }

        /** The relationship a PDF names; {@link #UNSPECIFIED} for an absent or unknown value. */
        public static Relationship ofPdfName(String name) {
            for (Relationship r : values()) {
                if (r.pdfName.equals(name)) {
                    return r;
                }
            }
            return UNSPECIFIED;
        }
    }

    public Attachment {
        bytes = bytes == null ? new byte[0] : bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** SHA-256 (hex) of the file's bytes. */
    public String sha256() {
        return Sha256.hex(bytes);
    }
}
