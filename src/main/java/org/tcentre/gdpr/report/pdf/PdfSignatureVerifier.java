package org.tcentre.gdpr.report.pdf;

import org.tcentre.gdpr.declaration.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the signatures of a PDF as {@link PdfSigner} makes them: that each detached CMS signature verifies
 * over its byte range, and that the byte range covers the whole file except the signature value. It says
 * who signed and when (as the signer states it); it does <em>not</em> decide whether to trust the signer:
 * the certificate chain is not validated against a trust list.
 */
public final class PdfSignatureVerifier {

    /** What the signing-certificate-v2 attribute (PAdES) says about the certificate that signed. */
    public enum CertificateReference {
        /** Present, and its SHA-256 is that of the signer's certificate. */
        MATCHES,
        /** Not present (allowed for adbe.pkcs7.detached signatures, required by PAdES). */
        ABSENT,
        /** Present, but it names another certificate. */
        MISMATCH
    }

    /**
     * One signature of the file.
     *
     * @param subFilter        {@code /SubFilter}, e.g. "ETSI.CAdES.detached"
     * @param signingTime      {@code /M}: when the signer says it signed; {@code null} when absent
     * @param signedLength     where the byte range ends: the length of the revision the signature covers
     * @param fileLength       the length of the file
     * @param coverageProblem  {@code null} when the byte range is {@code [0 a b c]} with the gap exactly the
     *                         signature's hex string; otherwise what is wrong with it
     * @param cmsProblem       {@code null} when the CMS signature verifies over the byte range
     * @param digestTampered   the bytes the byte range covers no longer have the digest that was signed
     * @param signer           the signer certificate's subject; {@code null} when the CMS names none it carries
     * @param certificateValidAtSigningTime whether {@code signingTime} lies within the certificate's validity
     */
    public record Result(String subFilter, Instant signingTime, long signedLength, long fileLength,
                         String coverageProblem, String cmsProblem, boolean digestTampered,
                         String digestAlgorithm, String signatureAlgorithm, String signer, String issuer,
                         String certificateSha256, Instant notBefore, Instant notAfter,
                         boolean certificateValidAtSigningTime, CertificateReference signingCertificate,
                         int certificates) {

        /** Whether the byte range ends at the end of the file (nothing was appended after signing). */
        public boolean coversWholeFile() {
            return coverageProblem == null && signedLength == fileLength;
        }
    }

    private PdfSignatureVerifier() {
    }

    /**
     * Every signature of the document, in the order their byte ranges end (the last one signed last).
     *
     * @param file     the file's exact bytes
     * @param document that file, loaded
     */
    public static List<Result> verify(byte[] file, PDDocument document) throws IOException {
        List<Result> results = new ArrayList<>();
        for (PDSignature signature : document.getSignatureDictionaries()) {
            results.add(verify(file, signature));
        }
        results.sort(Comparator.comparingLong(Result::signedLength));
        return results;
    }

    private static Result verify(byte[] file, PDSignature signature) {
        Calendar m = signature.getSignDate();
        Instant signingTime = m == null ? null : m.toInstant();
        int[] range = signature.getByteRange();
        byte[] contents = signature.getContents();
        String coverage = coverageProblem(file, range, contents);
        long signedLength = range != null && range.length == 4 ? (long) range[2] + range[3] : 0;

        var result = new Builder(signature.getSubFilter(), signingTime, signedLength, file.length, coverage);
        if (contents == null || contents.length == 0) {
            result.cmsProblem = "the signature dictionary holds no signature value";
            return result.build();
        }
        boolean inFile = range != null && range.length == 4 && range[0] >= 0 && range[1] >= 0 && range[2] >= range[1]
                && range[3] >= 0 && (long) range[2] + range[3] <= file.length;
        byte[] signed;
        try {
            signed = inFile ? signature.getSignedContent(file) : null;
        } catch (IOException | RuntimeException e) {
            signed = null;
        }
        if (signed == null) {
            result.cmsProblem = "the byte range does not lie within the file";
            return result.build();
        }
        try {
            // The InputStream constructor reads one DER object and ignores the zero padding of /Contents.
            var cms = new CMSSignedData(new CMSProcessableByteArray(signed), new ByteArrayInputStream(contents));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                result.cmsProblem = "the CMS holds " + signers.size() + " signer infos, not one";
                return result.build();
            }
            SignerInformation signer = signers.iterator().next();
            var names = new DefaultAlgorithmNameFinder();
            // "SHA256" → "SHA-256"; "SHA256WITHRSA" → "RSA".
            result.digestAlgorithm = names.getAlgorithmName(signer.getDigestAlgorithmID()).replaceFirst("^SHA(\\d)", "SHA-$1");
            String signing = names.getAlgorithmName(new ASN1ObjectIdentifier(signer.getEncryptionAlgOID()));
            result.signatureAlgorithm = signing.contains("WITH") ? signing.substring(signing.indexOf("WITH") + 4) : signing;
            result.certificates = cms.getCertificates().getMatches(null).size();
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                result.cmsProblem = "the CMS does not carry the certificate that signed";
                return result.build();
            }
            X509CertificateHolder certificate = matches.iterator().next();
            result.certificate(certificate, signingTime);
            result.signingCertificate = signingCertificate(signer.getSignedAttributes(), certificate);
            try {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                    result.cmsProblem = "the signature value does not verify with the signer's certificate";
                }
            } catch (CMSSignerDigestMismatchException e) {
                result.digestTampered = true;
                result.cmsProblem = "the signed bytes were changed after signing: their " + result.digestAlgorithm
                        + " digest is not the one that was signed";
            }
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            result.cmsProblem = "the signature value is not a CMS signature that verifies (" + e.getMessage() + ")";
        }
        return result.build();
    }

    /** {@code null} when {@code range} is {@code [0 a b c]} and file[a, b) is exactly {@code <hex of contents>}. */
    private static String coverageProblem(byte[] file, int[] range, byte[] contents) {
        if (range == null || range.length != 4) {
            return "the byte range is not four numbers";
        }
        long start = range[0];
        long gapStart = range[1];
        long gapEnd = range[2];
        long end = (long) range[2] + range[3];
        if (start != 0) {
            return "the byte range does not start at the beginning of the file";
        }
        if (gapStart <= 0 || gapEnd <= gapStart || range[3] < 0 || end > file.length) {
            return "the byte range [" + range[0] + " " + range[1] + " " + range[2] + " " + range[3]
                    + "] does not lie within the file of " + file.length + " bytes";
        }
        if (file[(int) gapStart] != '<' || file[(int) gapEnd - 1] != '>') {
            return "the bytes left out of the byte range are not a hex string";
        }
        byte[] gap = Arrays.copyOfRange(file, (int) gapStart + 1, (int) gapEnd - 1);
        byte[] decoded;
        try {
            decoded = HexFormat.of().parseHex(new String(gap, StandardCharsets.US_ASCII).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return "the bytes left out of the byte range are not a hex string";
        }
        if (!Arrays.equals(decoded, contents)) {
            return "the bytes left out of the byte range are not this signature's value";
        }
        return null;
    }

    private static CertificateReference signingCertificate(AttributeTable attributes, X509CertificateHolder certificate) {
        Attribute attribute = attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return CertificateReference.ABSENT;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
        if (ids.length == 0) {
            return CertificateReference.MISMATCH;
        }
        ESSCertIDv2 id = ids[0];
        ASN1ObjectIdentifier algorithm = id.getHashAlgorithm().getAlgorithm();
        String name = NISTObjectIdentifiers.id_sha256.equals(algorithm) ? "SHA-256"
                : NISTObjectIdentifiers.id_sha384.equals(algorithm) ? "SHA-384"
                : NISTObjectIdentifiers.id_sha512.equals(algorithm) ? "SHA-512" : null;
        try {
            return name != null && Arrays.equals(MessageDigest.getInstance(name).digest(certificate.getEncoded()),
                    id.getCertHash()) ? CertificateReference.MATCHES : CertificateReference.MISMATCH;
        } catch (NoSuchAlgorithmException | IOException e) {
            return CertificateReference.MISMATCH;
        }
    }

    /** RFC 2253, most specific first, as Java prints names: "CN=…,O=…,C=…". */
    private static String name(X500Name name) {
        try {
            return new X500Principal(name.getEncoded()).getName();
        } catch (IOException | IllegalArgumentException e) {
            return name.toString();
        }
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    private static final class Builder {
        final String subFilter;
        final Instant signingTime;
        final long signedLength;
        final long fileLength;
        final String coverageProblem;
        String cmsProblem;
        boolean digestTampered;
        String digestAlgorithm;
        String signatureAlgorithm;
        String signer;
        String issuer;
        String certificateSha256;
        Instant notBefore;
        Instant notAfter;
        boolean validAtSigningTime;
        CertificateReference signingCertificate = CertificateReference.ABSENT;
        int certificates;

        Builder(String subFilter, Instant signingTime, long signedLength, long fileLength, String coverageProblem) {
            this.subFilter = subFilter;
            this.signingTime = signingTime;
            this.signedLength = signedLength;
            this.fileLength = fileLength;
            this.coverageProblem = coverageProblem;
        }

        void certificate(X509CertificateHolder certificate, Instant signingTime) {
            signer = name(certificate.getSubject());
            issuer = name(certificate.getIssuer());
            try {
                certificateSha256 = sha256(certificate.getEncoded());
            } catch (IOException e) {
                certificateSha256 = null;
            }
            notBefore = certificate.getNotBefore().toInstant();
            notAfter = certificate.getNotAfter().toInstant();
            validAtSigningTime = signingTime != null && certificate.isValidOn(Date.from(signingTime));
        }

        Result build() {
            return new Result(subFilter, signingTime, signedLength, fileLength, coverageProblem, cmsProblem,
                    digestTampered, digestAlgorithm, signatureAlgorithm, signer, issuer, certificateSha256,
                    notBefore, notAfter, validAtSigningTime, signingCertificate, certificates);
        }
    }
}
