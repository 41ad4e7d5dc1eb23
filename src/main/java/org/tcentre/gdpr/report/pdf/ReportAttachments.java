package org.tcentre.gdpr.report.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Reads back the files a PDF report embeds ({@link Attachment}), for verification: the declaration as
 * submitted and the JSON report. Uses PDFBox only, and works on a signed report too (an incremental update
 * leaves the embedded files as they were).
 *
 * <pre>{@code
 * try (PDDocument pdf = Loader.loadPDF(file)) {
 *     Attachment declaration = ReportAttachments.declaration(pdf).orElseThrow();
 *     Attachment json = ReportAttachments.jsonReport(pdf).orElseThrow();
 * }
 * }</pre>
 */
public final class ReportAttachments {

    static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

    private ReportAttachments() {
    }

    /** The files associated with the whole document (the catalog's {@code /AF} array), in array order. */
    public static List<Attachment> read(PDDocument pdf) throws IOException {
        List<Attachment> files = new ArrayList<>();
        COSArray af = pdf.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
        if (af == null) {
            return files;
        }
        for (int i = 0; i < af.size(); i++) {
            COSBase entry = af.getObject(i);
            if (entry instanceof COSDictionary dictionary) {
                Attachment file = attachment(new PDComplexFileSpecification(dictionary), null);
                if (file != null) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    /** The files in the document's {@code EmbeddedFiles} name tree, by their key in the tree. */
    public static Map<String, Attachment> readNameTree(PDDocument pdf) throws IOException {
        Map<String, Attachment> files = new LinkedHashMap<>();
        PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
        if (names != null && names.getEmbeddedFiles() != null) {
            collect(names.getEmbeddedFiles(), files);
        }
        return files;
    }

    /** The declaration exactly as submitted: the associated file whose relationship is {@code /Source}. */
    public static Optional<Attachment> declaration(PDDocument pdf) throws IOException {
        return read(pdf).stream().filter(f -> f.relationship() == Attachment.Relationship.SOURCE).findFirst();
    }

    /** The JSON report: the associated file whose relationship is {@code /Data} and type application/json. */
    public static Optional<Attachment> jsonReport(PDDocument pdf) throws IOException {
        return read(pdf).stream()
                .filter(f -> f.relationship() == Attachment.Relationship.DATA && "application/json".equals(f.mimeType()))
                .findFirst();
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node, Map<String, Attachment> files)
            throws IOException {
        Map<String, PDComplexFileSpecification> here = node.getNames();
        if (here != null) {
            for (var entry : here.entrySet()) {
                Attachment file = attachment(entry.getValue(), entry.getKey());
                if (file != null) {
                    files.put(entry.getKey(), file);
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, files);
            }
        }
    }

    private static Attachment attachment(PDComplexFileSpecification spec, String key) throws IOException {
        PDEmbeddedFile file = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
        if (file == null) {
            return null;
        }
        String name = spec.getFileUnicode() != null ? spec.getFileUnicode() : spec.getFile();
        return new Attachment(name != null ? name : key, file.getSubtype(),
                Attachment.Relationship.ofPdfName(spec.getCOSObject().getNameAsString(AF_RELATIONSHIP)),
                spec.getFileDescription(), file.toByteArray());
    }
}
