package org.tcentre.gdpr.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportSamples;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

/** The PDF is an archival file: PDF/A-3b by veraPDF, with its inputs embedded and readable back. */
class PdfArchivalTest {

    private final PdfReportWriter writer = new PdfReportWriter(ReportSamples.wording());

    @Test
    void a_small_report_is_pdf_a_3b_by_verapdf_and_says_so_in_its_metadata() {
        byte[] pdf = writer.write(Report.of(ReportSamples.small()));

        ValidationResult result = VeraPdf.validatePdfA3b(pdf);
        assertThat(result.isCompliant()).as(VeraPdf.failures(result)).isTrue();
        assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
        assertThat(VeraPdf.declaredFlavour(pdf)).isEqualTo(PDFAFlavour.PDFA_3_B);
    }

    @Test
    void verapdf_rejects_a_plain_pdf_so_its_approval_means_something() throws IOException {
        try (var plain = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            plain.save(out);
            ValidationResult result = VeraPdf.validatePdfA3b(out.toByteArray());
            assertThat(result.isCompliant()).isFalse();
            assertThat(VeraPdf.failures(result)).contains("6.6"); // no XMP metadata, no PDF/A identification
        }
    }

    @Test
    void the_200_finding_report_is_pdf_a_3b_by_verapdf() {
        byte[] pdf = writer.write(Report.of(ReportSamples.large(200)));

        ValidationResult result = VeraPdf.validatePdfA3b(pdf);
        assertThat(result.isCompliant()).as(VeraPdf.failures(result)).isTrue();
    }

    @Test
    void embeds_the_declaration_and_the_json_report_byte_for_byte_in_the_name_tree_and_the_af_array() throws IOException {
        Report report = Report.of(ReportSamples.small());
        byte[] json = new JsonReportWriter().write(report);
        try (PDDocument pdf = Loader.loadPDF(writer.write(report))) {
            // The EmbeddedFiles name tree, read with plain PDFBox.
            var tree = pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            String jsonName = "gdpr-report-" + report.reportId() + ".json";
            assertThat(tree).containsOnlyKeys("smart-meter.yaml", jsonName);
            assertThat(tree.get("smart-meter.yaml").getEmbeddedFile().toByteArray())
                    .isEqualTo(ReportSamples.DECLARATION_BYTES);
            assertThat(tree.get(jsonName).getEmbeddedFileUnicode().toByteArray()).isEqualTo(json);

            // The /AF array of the catalog: the PDF/A-3 association, with relationship, type, size and dates.
            COSArray af = pdf.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            assertThat(af).isNotNull();
            List<String> relationships = new ArrayList<>();
            for (int i = 0; i < af.size(); i++) {
                var spec = new PDComplexFileSpecification((COSDictionary) af.getObject(i));
                relationships.add(spec.getFileUnicode() + " " + spec.getCOSObject().getNameAsString("AFRelationship"));
                PDEmbeddedFile file = spec.getEmbeddedFile();
                assertThat(spec.getFile()).isEqualTo(spec.getFileUnicode());
                assertThat(file.getSize()).isEqualTo(file.toByteArray().length);
                assertThat(file.getModDate().toInstant()).isEqualTo(ReportSamples.EVALUATED_AT);
                assertThat(file.getSubtype()).isIn("application/yaml", "application/json");
                assertThat(spec.getFileDescription()).isNotBlank();
            }
            assertThat(relationships).containsExactly("smart-meter.yaml Source", jsonName + " Data");

            // The reading API the verify command uses.
            assertThat(ReportAttachments.declaration(pdf).orElseThrow().bytes()).isEqualTo(ReportSamples.DECLARATION_BYTES);
            assertThat(ReportAttachments.declaration(pdf).orElseThrow().sha256()).isEqualTo(ReportSamples.DECLARATION_SHA256);
            assertThat(ReportAttachments.jsonReport(pdf).orElseThrow().bytes()).isEqualTo(json);
            assertThat(ReportAttachments.readNameTree(pdf)).containsOnlyKeys("smart-meter.yaml", jsonName);
        }
    }

    @Test
    void document_information_and_xmp_metadata_agree() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(writer.write(Report.of(ReportSamples.small())))) {
            var info = pdf.getDocumentInformation();
            var xmp = new DomXmpParser().parse(pdf.getDocumentCatalog().getMetadata().toByteArray());

            assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
            assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
            assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle());
            assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly(info.getAuthor());
            assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant())
                    .isEqualTo(info.getCreationDate().toInstant()).isEqualTo(ReportSamples.EVALUATED_AT);
            assertThat(xmp.getXMPBasicSchema().getModifyDate().toInstant()).isEqualTo(info.getModificationDate().toInstant());
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(pdf.getDocumentCatalog().getOutputIntents().get(0).getOutputConditionIdentifier())
                    .isEqualTo("sRGB IEC61966-2.1");
        }
    }

    @Test
    void the_same_report_gives_the_same_bytes() {
        assertThat(writer.write(Report.of(ReportSamples.small()))).isEqualTo(writer.write(Report.of(ReportSamples.small())));
    }
}
