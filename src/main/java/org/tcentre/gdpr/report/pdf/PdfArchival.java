package org.tcentre.gdpr.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the document a PDF/A-3b file, applied once its pages are done: XMP metadata that repeats the
 * document information (PDF/A identification part 3, conformance B), an sRGB output intent for the RGB
 * colours used, the associated files ({@code /AF}) embedded with their relationship, type, size and dates,
 * and a trailer {@code /ID} derived from the content, so that the same report gives the same bytes.
 * Fonts are embedded by {@link DocumentFonts}; nothing is transparent.
 */
final class PdfArchival {

    static final String OUTPUT_CONDITION = "sRGB IEC61966-2.1";

    /** The JDK's own sRGB profile: read once, the same bytes in every report. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private PdfArchival() {
    }

    /**
     * Writes the document information and its XMP twin. The two must say the same (PDF/A-3 6.6.2.3): title,
     * author, subject, creator tool, producer, creation and modification dates.
     */
    static void metadata(PDDocument document, String title, String author, String subject, String producer,
                         Calendar created) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setSubject(subject);
        info.setCreator(author);
        info.setProducer(producer);
        if (created != null) {
            info.setCreationDate(created);
            info.setModificationDate(created);
        }

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        dc.setDescription(subject);
        dc.setFormat("application/pdf");
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(producer);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(author);
        if (created != null) {
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            basic.setMetadataDate(created);
        }
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(3);
        try {
            pdfa.setConformance("B");
            var out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            var metadata = new PDMetadata(document);
            metadata.importXMPMetadata(out.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (BadFieldValueException | TransformerException e) {
            throw new IllegalStateException("cannot write the XMP metadata", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Declares sRGB as the colour space every DeviceRGB colour of the document means. */
    static void outputIntent(PDDocument document) {
        try {
            var intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB));
            intent.setInfo(OUTPUT_CONDITION);
            intent.setOutputCondition(OUTPUT_CONDITION);
            intent.setOutputConditionIdentifier(OUTPUT_CONDITION);
            intent.setRegistryName("http://www.color.org");
            document.getDocumentCatalog().addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Embeds the files as associated files of the document: each file specification carries
     * {@code /F}, {@code /UF}, {@code /Desc} and {@code /AFRelationship}; each embedded file stream its MIME
     * type as {@code /Subtype} and {@code /Params} with size and dates. The specifications are listed in the
     * catalog's {@code /AF} array (in the given order) and in the {@code EmbeddedFiles} name tree (by name).
     */
    static void attach(PDDocument document, List<Attachment> attachments, Calendar date) {
        if (attachments.isEmpty()) {
            return;
        }
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        var af = new COSArray();
        Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
        try {
            for (Attachment attachment : attachments) {
                var file = new PDEmbeddedFile(document, new ByteArrayInputStream(attachment.bytes()),
                        COSName.FLATE_DECODE);
                file.setSubtype(attachment.mimeType());
                file.setSize(attachment.size());
                if (date != null) {
                    file.setCreationDate(date);
                    file.setModDate(date);
                }
                var spec = new PDComplexFileSpecification();
                spec.setFile(attachment.name());
                spec.setFileUnicode(attachment.name());
                spec.setFileDescription(attachment.description());
                spec.setEmbeddedFile(file);
                spec.setEmbeddedFileUnicode(file);
                spec.getCOSObject().setName(ReportAttachments.AF_RELATIONSHIP, attachment.relationship().pdfName());
                af.add(spec.getCOSObject());
                if (byName.put(attachment.name(), spec) != null) {
                    throw new IllegalArgumentException("two attachments are named " + attachment.name());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentNameDictionary names = catalog.getNames() != null ? catalog.getNames()
                : new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        catalog.getCOSObject().setItem(COSName.AF, af);
    }

    /**
     * Sets the trailer's file identifier. PDF/A requires one; PDFBox would otherwise derive it from the
     * clock, and the same report would differ from run to run.
     */
    static void documentId(PDDocument document, byte[] id) {
        var array = new COSArray(new ArrayList<>(List.of(new COSString(id), new COSString(id))));
        document.getDocument().getTrailer().setItem(COSName.ID, array);
    }
}
