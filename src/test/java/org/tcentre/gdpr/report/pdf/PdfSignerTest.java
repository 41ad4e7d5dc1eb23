package org.tcentre.gdpr.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportSamples;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Signing a report (PAdES B-B): the signature verifies, covers the whole file but its own value, and leaves
 * the PDF/A-3b file and its embedded files as they were. Also the test keystores other tests use.
 */
public class PdfSignerTest {

    public static final String PASSWORD = "test-password";
    public static final String SIGNER = "CN=Test Privacy Office, O=T-Centre Test, C=EU";

    private static volatile TestKeys keys;

    /** A test CA and a signer certificate it issued, made once per JVM (RSA 2048). */
    public record TestKeys(PrivateKey signerKey, X509Certificate signer, X509Certificate ca) {
        public List<X509Certificate> chain() {
            return List.of(signer, ca);
        }
    }

    public static TestKeys keys() {
        TestKeys made = keys;
        if (made == null) {
            try {
                KeyPair ca = rsa();
                KeyPair signer = rsa();
                X509Certificate caCertificate = certificate("CN=T-Centre Test CA, O=T-Centre Test, C=EU", ca,
                        "CN=T-Centre Test CA, O=T-Centre Test, C=EU", ca.getPrivate(), true);
                X509Certificate signerCertificate = certificate(SIGNER, signer,
                        "CN=T-Centre Test CA, O=T-Centre Test, C=EU", ca.getPrivate(), false);
                made = new TestKeys(signer.getPrivate(), signerCertificate, caCertificate);
                keys = made;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return made;
    }

    /** Writes the test keys as {@code signing.p12} (alias "report-signer", password {@link #PASSWORD}) into {@code dir}. */
    public static Path pkcs12(Path dir) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("report-signer", keys().signerKey(), PASSWORD.toCharArray(),
                keys().chain().toArray(new X509Certificate[0]));
        Path file = dir.resolve("signing.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** A freshly signed sample report. */
    public static byte[] signedSample() throws IOException {
        byte[] pdf = new PdfReportWriter(ReportSamples.wording()).write(Report.of(ReportSamples.small()));
        return new PdfSigner(keys().signerKey(), keys().chain()).sign(pdf, now());
    }

    private final byte[] unsigned = new PdfReportWriter(ReportSamples.wording()).write(Report.of(ReportSamples.small()));

    @Test
    void the_signed_report_is_still_pdf_a_3b_by_verapdf_and_only_appends_to_the_file() throws IOException {
        byte[] signed = new PdfSigner(keys().signerKey(), keys().chain()).sign(unsigned, now());

        ValidationResult result = VeraPdf.validatePdfA3b(signed);
        assertThat(result.isCompliant()).as(VeraPdf.failures(result)).isTrue();
        // An incremental update: the unsigned revision is still there, byte for byte.
        assertThat(Arrays.copyOf(signed, unsigned.length)).isEqualTo(unsigned);
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            assertThat(ReportAttachments.declaration(pdf).orElseThrow().bytes()).isEqualTo(ReportSamples.DECLARATION_BYTES);
            assertThat(ReportAttachments.jsonReport(pdf).orElseThrow().bytes())
                    .isEqualTo(new JsonReportWriter().write(Report.of(ReportSamples.small())));
        }
    }

    @Test
    void the_signature_is_a_detached_cades_signature_over_the_whole_file_but_its_value() throws Exception {
        Calendar time = now();
        byte[] signed = new PdfSigner(keys().signerKey(), keys().chain()).sign(unsigned, time);

        try (PDDocument pdf = Loader.loadPDF(signed)) {
            assertThat(pdf.getSignatureDictionaries()).hasSize(1);
            PDSignature signature = pdf.getSignatureDictionaries().get(0);
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(time.toInstant());
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).isEqualTo(signed.length);
            assertThat(signed[range[1]]).isEqualTo((byte) '<');
            assertThat(signed[range[2] - 1]).isEqualTo((byte) '>');

            var cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)),
                    new ByteArrayInputStream(signature.getContents()));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
            assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
            assertThat(new X500Principal(certificate.getSubject().getEncoded())).isEqualTo(new X500Principal(SIGNER));
            assertThat(cms.getCertificates().getMatches(null)).hasSize(2); // the chain: signer and CA
            assertThat(new CMSSignedData(new ByteArrayInputStream(signature.getContents())).isDetachedSignature()).isTrue();

            // PAdES B-B: signing-certificate-v2 names the signer's certificate; no CMS signing-time.
            var attributes = signer.getSignedAttributes();
            assertThat(attributes.get(CMSAttributes.signingTime)).isNull();
            var signingCertificate = SigningCertificateV2.getInstance(
                    attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
            assertThat(signingCertificate.getCerts()[0].getCertHash())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(keys().signer().getEncoded()));
        }
    }

    @Test
    void the_verifier_accepts_the_signature_and_names_the_signer() throws IOException {
        byte[] signed = new PdfSigner(keys().signerKey(), keys().chain()).sign(unsigned, now());
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            List<PdfSignatureVerifier.Result> results = PdfSignatureVerifier.verify(signed, pdf);
            assertThat(results).hasSize(1);
            PdfSignatureVerifier.Result result = results.get(0);
            assertThat(result.coverageProblem()).isNull();
            assertThat(result.coversWholeFile()).isTrue();
            assertThat(result.cmsProblem()).isNull();
            assertThat(result.signer()).contains("CN=Test Privacy Office");
            assertThat(result.signingCertificate()).isEqualTo(PdfSignatureVerifier.CertificateReference.MATCHES);
            assertThat(result.certificateValidAtSigningTime()).isTrue();
            assertThat(result.certificates()).isEqualTo(2);
        }
    }

    @Test
    void the_verifier_sees_a_changed_byte_and_bytes_appended_after_signing() throws IOException {
        byte[] signed = new PdfSigner(keys().signerKey(), keys().chain()).sign(unsigned, now());

        byte[] changed = signed.clone();
        changed[unsigned.length / 2] ^= 0x01;
        try (PDDocument pdf = Loader.loadPDF(changed)) {
            PdfSignatureVerifier.Result result = PdfSignatureVerifier.verify(changed, pdf).get(0);
            assertThat(result.digestTampered()).isTrue();
            assertThat(result.cmsProblem()).contains("changed after signing");
        }

        byte[] appended = Arrays.copyOf(signed, signed.length + 10);
        System.arraycopy("\n%extra\n\n".getBytes(), 0, appended, signed.length, 9);
        try (PDDocument pdf = Loader.loadPDF(appended)) {
            PdfSignatureVerifier.Result result = PdfSignatureVerifier.verify(appended, pdf).get(0);
            assertThat(result.cmsProblem()).isNull();
            assertThat(result.coverageProblem()).isNull();
            assertThat(result.coversWholeFile()).isFalse();
        }
    }

    @Test
    void an_ec_key_signs_too() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ec = generator.generateKeyPair();
        X509Certificate certificate = certificate("CN=EC Signer", ec, "CN=EC Signer", ec.getPrivate(), false);
        byte[] signed = new PdfSigner(ec.getPrivate(), List.of(certificate)).sign(unsigned, now());
        try (PDDocument pdf = Loader.loadPDF(signed)) {
            PdfSignatureVerifier.Result result = PdfSignatureVerifier.verify(signed, pdf).get(0);
            assertThat(result.cmsProblem()).isNull();
            assertThat(result.coversWholeFile()).isTrue();
        }
    }

    @Test
    void a_keystore_that_cannot_be_used_says_which_setting_is_wrong(@TempDir Path dir) throws Exception {
        Path file = pkcs12(dir);
        assertThat(PdfSigner.fromPkcs12(file, PASSWORD.toCharArray(), null).certificate()).isEqualTo(keys().signer());
        assertThat(PdfSigner.fromPkcs12(file, PASSWORD.toCharArray(), "report-signer").certificate())
                .isEqualTo(keys().signer());

        assertThatThrownBy(() -> PdfSigner.fromPkcs12(file, "wrong".toCharArray(), null))
                .isInstanceOfSatisfying(PdfSigner.KeyStoreProblem.class,
                        e -> assertThat(e.setting()).isEqualTo(PdfSigner.Setting.PASSWORD))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> PdfSigner.fromPkcs12(dir.resolve("missing.p12"), PASSWORD.toCharArray(), null))
                .isInstanceOfSatisfying(PdfSigner.KeyStoreProblem.class,
                        e -> assertThat(e.setting()).isEqualTo(PdfSigner.Setting.KEYSTORE))
                .hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("not-a-keystore.p12"), "hello");
        assertThatThrownBy(() -> PdfSigner.fromPkcs12(text, PASSWORD.toCharArray(), null))
                .isInstanceOfSatisfying(PdfSigner.KeyStoreProblem.class,
                        e -> assertThat(e.setting()).isEqualTo(PdfSigner.Setting.KEYSTORE))
                .hasMessageContaining("PKCS#12");
        assertThatThrownBy(() -> PdfSigner.fromPkcs12(file, PASSWORD.toCharArray(), "nobody"))
                .isInstanceOfSatisfying(PdfSigner.KeyStoreProblem.class,
                        e -> assertThat(e.setting()).isEqualTo(PdfSigner.Setting.ALIAS))
                .hasMessageContaining("report-signer");
    }

    static Calendar now() {
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(Instant.now().toEpochMilli() / 1000 * 1000);
        return calendar;
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair keys, String issuer, PrivateKey issuerKey,
                                               boolean ca) throws Exception {
        Instant now = Instant.now();
        // X500Principal encodes an RFC 2253 name as certificates do: most general first (C, O, CN).
        var builder = new JcaX509v3CertificateBuilder(new X500Principal(issuer), BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Principal(subject), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
    }
}
