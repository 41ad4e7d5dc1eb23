package org.tcentre.gdpr.report.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a finished PDF report (PAdES baseline B-B): an incremental update adds an invisible signature
 * field whose signature dictionary ({@code /Filter /Adobe.PPKLite}, {@code /SubFilter /ETSI.CAdES.detached},
 * {@code /M} = the signing time) holds a detached CMS SignedData over the byte range, that is the whole
 * file except the signature value itself. The CMS uses SHA-256, carries the signing certificate and its
 * chain, and the signed attributes content-type, message-digest and signing-certificate-v2; PAdES puts the
 * signing time in {@code /M}, not in a CMS signing-time attribute.
 *
 * <p>The update only appends: the original revision, with its PDF/A-3b metadata and embedded files, stays
 * byte for byte what it was. Verification is the {@code verify} command's job.
 */
public final class PdfSigner {

    /** Why a keystore cannot be used: which of its three settings to look at. */
    public enum Setting { KEYSTORE, PASSWORD, ALIAS }

    /** The keystore cannot be opened, or holds no usable key. The message says why, without a stack trace. */
    public static final class KeyStoreProblem extends Exception {
        private final Setting setting;

        KeyStoreProblem(Setting setting, String message) {
            super(message);
            this.setting = setting;
        }

        /** The setting that is most likely wrong. */
        public Setting setting() {
            return setting;
        }
    }

    private final PrivateKey key;
    private final List<X509Certificate> chain;

    /** @param chain the signer's certificate first, then the certificates that issued it (may be just one) */
    public PdfSigner(PrivateKey key, List<X509Certificate> chain) {
        if (key == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key and its certificate are required");
        }
        signatureAlgorithm(key);
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    /**
     * The key and certificate chain of a PKCS#12 keystore.
     *
     * @param alias the key entry to use; {@code null}: the keystore's only key entry
     */
    public static PdfSigner fromPkcs12(Path file, char[] password, String alias) throws KeyStoreProblem {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new KeyStoreProblem(Setting.KEYSTORE, "the file " + file + " does not exist");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new KeyStoreProblem(Setting.PASSWORD, "the password does not open " + file);
            }
            throw new KeyStoreProblem(Setting.KEYSTORE, file + " cannot be read as a PKCS#12 keystore ("
                    + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new KeyStoreProblem(Setting.KEYSTORE, file + " cannot be read as a PKCS#12 keystore ("
                    + e.getMessage() + ")");
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String name : Collections.list(store.aliases())) {
                if (store.isKeyEntry(name)) {
                    keys.add(name);
                }
            }
            String chosen;
            if (alias != null && !alias.isBlank()) {
                if (!keys.contains(alias)) {
                    throw new KeyStoreProblem(Setting.ALIAS, file + " has no key entry '" + alias + "' (key entries: "
                            + (keys.isEmpty() ? "none" : String.join(", ", keys)) + ")");
                }
                chosen = alias;
            } else if (keys.size() == 1) {
                chosen = keys.get(0);
            } else {
                throw new KeyStoreProblem(keys.isEmpty() ? Setting.KEYSTORE : Setting.ALIAS, keys.isEmpty()
                        ? file + " holds no private key"
                        : file + " holds " + keys.size() + " keys (" + String.join(", ", keys) + "): name one");
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            List<X509Certificate> chain = new ArrayList<>();
            Certificate[] certificates = store.getCertificateChain(chosen);
            for (Certificate certificate : certificates == null ? new Certificate[0] : certificates) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
            if (key == null || chain.isEmpty()) {
                throw new KeyStoreProblem(Setting.KEYSTORE, "the key entry '" + chosen + "' of " + file
                        + " has no X.509 certificate");
            }
            try {
                return new PdfSigner(key, chain);
            } catch (IllegalArgumentException e) {
                throw new KeyStoreProblem(Setting.KEYSTORE, "the key entry '" + chosen + "' of " + file + ": "
                        + e.getMessage());
            }
        } catch (UnrecoverableKeyException e) {
            throw new KeyStoreProblem(Setting.PASSWORD, "the password does not open the key in " + file);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreProblem(Setting.KEYSTORE, "the key cannot be read from " + file + " (" + e.getMessage() + ")");
        }
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * The PDF with a signature appended as an incremental update.
     *
     * @param signingTime written to the signature dictionary's {@code /M}
     */
    public byte[] sign(byte[] pdf, Calendar signingTime) throws IOException {
        var out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
        try (PDDocument document = Loader.loadPDF(pdf); var options = new SignatureOptions()) {
            var signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(commonName(certificate()));
            signature.setSignDate(signingTime);
            options.setPreferredSignatureSize(reservedSize());
            document.addSignature(signature, options);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(cms(external.getContent().readAllBytes()));
        }
        return out.toByteArray();
    }

    /** Bytes reserved for the CMS: the certificates, the signature value and the attributes, with room to spare. */
    private int reservedSize() {
        int certificates = 0;
        for (X509Certificate certificate : chain) {
            try {
                certificates += certificate.getEncoded().length;
            } catch (GeneralSecurityException e) {
                certificates += 4096;
            }
        }
        return Math.max(9472, certificates + 6144);
    }

    /** A detached CMS SignedData (DER) over {@code content}: SHA-256, signing-certificate-v2, no signing-time. */
    byte[] cms(byte[] content) throws IOException {
        try {
            X509Certificate signer = certificate();
            var generator = new CMSSignedDataGenerator();
            var signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes(signer))
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key), signer);
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign the report: " + e.getMessage(), e);
        }
    }

    /** BouncyCastle's standard signed attributes, less signing-time (PAdES B-B), plus signing-certificate-v2. */
    private static CMSAttributeTableGenerator signedAttributes(X509Certificate signer) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(signer.getEncoded());
        X500Name issuer = new JcaX509CertificateHolder(signer).getIssuer();
        var certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                new IssuerSerial(new GeneralNames(new GeneralName(issuer)), signer.getSerialNumber()));
        var signingCertificate = new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(certId)));
        var standard = new DefaultSignedAttributeTableGenerator(
                new AttributeTable(new DERSet(signingCertificate)));
        return parameters -> {
            AttributeTable table = standard.getAttributes(parameters);
            return table.remove(CMSAttributes.signingTime);
        };
    }

    /** SHA-256 with RSA (PKCS#1 v1.5) or ECDSA: what PAdES validators everywhere accept. */
    private static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("a " + key.getAlgorithm()
                    + " key cannot sign a report: use an RSA or EC key");
        };
    }

    /** The certificate's common name, or its whole subject when it has none. */
    static String commonName(X509Certificate certificate) {
        try {
            X500Name subject = new JcaX509CertificateHolder(certificate).getSubject();
            var names = subject.getRDNs(BCStyle.CN);
            return names.length > 0 ? IETFUtils.valueToString(names[0].getFirst().getValue()) : subject.toString();
        } catch (GeneralSecurityException e) {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
