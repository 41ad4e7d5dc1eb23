package org.tcentre.gdpr.report.pdf;

import java.io.ByteArrayInputStream;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * PDF/A validation by veraPDF (its own PDF parser, independent of PDFBox), against the PDF/A-3B profile
 * whatever the file claims to be.
 *
 * <p>veraPDF reads its validation profiles with JAXB 2 ({@code javax.xml.bind}) and needs the JAXB 2.3
 * reference implementation; the Spring Boot parent manages {@code com.sun.xml.bind:jaxb-impl} to 4.x, which
 * only implements {@code jakarta.xml.bind}, so pom.xml declares {@code jaxb-impl:2.3.2} and
 * {@code jaxb-core:2.3.0.1} (the versions veraPDF is built with) in test scope.
 */
public final class VeraPdf {


    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    public static ValidationResult validatePdfA3b(byte[] pdf) {
        return withJaxb2(() -> {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
                return validator.validate(parser);
            }
        });
    }

    /** The flavour the file declares in its own XMP metadata, as veraPDF detects it. */
    public static PDFAFlavour declaredFlavour(byte[] pdf) {
        return withJaxb2(() -> {
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf))) {
                return parser.getFlavour();
            }
        });
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private static <T> T withJaxb2(Work<T> work) {
        try {
            return work.run();
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the file", e);
        }
    }

    /** The failed checks, one per line: clause, test number, what it requires, where. */
    public static String failures(ValidationResult result) {
        return result.getTestAssertions().stream()
                .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                        + " @ " + a.getLocation().getContext())
                .distinct()
                .limit(30)
                .collect(Collectors.joining("\n"));
    }
}
