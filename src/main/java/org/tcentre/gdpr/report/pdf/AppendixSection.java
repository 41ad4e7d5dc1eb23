package org.tcentre.gdpr.report.pdf;

import static org.tcentre.gdpr.report.pdf.ReportStyle.text;
import static org.tcentre.gdpr.report.pdf.ReportStyle.yesNo;

import java.util.ArrayList;
import java.util.List;
import org.tcentre.gdpr.declaration.AccessRequests;
import org.tcentre.gdpr.declaration.Activity;
import org.tcentre.gdpr.declaration.Contact;
import org.tcentre.gdpr.declaration.Controller;
import org.tcentre.gdpr.declaration.DataCategory;
import org.tcentre.gdpr.declaration.DataSubjectCategory;
import org.tcentre.gdpr.declaration.DataUse;
import org.tcentre.gdpr.declaration.Declaration;
import org.tcentre.gdpr.declaration.Dpo;
import org.tcentre.gdpr.declaration.LegalBasisEvidence;
import org.tcentre.gdpr.declaration.Product;
import org.tcentre.gdpr.declaration.Purpose;
import org.tcentre.gdpr.declaration.Recipient;
import org.tcentre.gdpr.declaration.Retention;
import org.tcentre.gdpr.declaration.Security;
import org.tcentre.gdpr.declaration.Transfer;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportWording;

/**
 * The declared record of processing itself, as readable tables: product and controller, data categories,
 * data subjects, recipients, then each activity with its purposes, legal basis, data, recipients,
 * transfers and retention, and the product-wide security, rights and breach facts. It repeats what was
 * declared, as the rules read it; it judges nothing.
 */
final class AppendixSection implements ReportSection {

    static final String TITLE = "Appendix: declared record of processing";

    private static final String NONE = "none declared";

    @Override
    public void render(Report report, ReportWording wording, PdfDocumentBuilder pdf) {
        pdf.newPage();
        pdf.section(TITLE);
        Declaration declared = report.declared();
        pdf.paragraph("The declaration as the rules read it. Where a yes/no fact is not declared, it reads as "
                + "\"no\", as it did for the rules. The embedded file " + report.submitted().name()
                + " is the authoritative text.");
        if (declared == null) {
            pdf.paragraph("The report carries no declaration model.");
            return;
        }
        productAndController(declared, pdf);
        dataCategories(declared, pdf);
        dataSubjects(declared, pdf);
        recipients(declared, pdf);
        for (Activity activity : declared.activities()) {
            activity(declared, activity, pdf);
        }
        securityRightsAndBreaches(declared, pdf);
    }

    private static Table labelValue() {
        return Table.of(Table.boldColumn("", 1.45f), Table.column("", 3.55f)).withoutHeader();
    }

    private static void productAndController(Declaration declared, PdfDocumentBuilder pdf) {
        pdf.subsection("Product and controller");
        Product product = declared.product();
        Controller controller = declared.controller();
        Dpo dpo = declared.dpo();
        Table table = labelValue()
                .row("Product", ReportStyle.productLine(product.name(), product.version()) + " (id "
                        + text(product.id()) + ")")
                .row("Owning team", text(product.owningTeam()))
                .row("Product contact", text(product.contact()))
                .row("Description", text(product.description()))
                .row("Markets", ReportStyle.list(product.markets(), NONE))
                .row("Information society service", yesNo(product.informationSocietyService()))
                .row("Controller", text(controller.name()) + (controller.country() == null ? ""
                        : " (" + controller.country() + ")"))
                .row("Controller contact", contact(controller.contact()))
                .row("Established in the EU/EEA", yesNo(controller.establishedInEea()))
                .row("Targets people in the EU/EEA", yesNo(controller.targetsEeaIndividuals()))
                .row("EU representative", controller.euRepresentative() == null ? NONE
                        : text(controller.euRepresentative().name()) + contactSuffix(controller.euRepresentative().contact()))
                .row("Kind of controller", "public authority: " + yesNo(controller.publicAuthority())
                        + "; school or university: " + yesNo(controller.educationalInstitution())
                        + "; clear imbalance of power: " + yesNo(controller.clearPowerImbalance()))
                .row("Also a processor for others", yesNo(controller.actsAsProcessor())
                        + (controller.actsAsProcessor() ? "; Art. 28(3) terms in those contracts: "
                        + yesNo(controller.processorContractsHaveArt28Terms()) : ""))
                .row("Data protection officer", !dpo.designated() ? "not designated"
                        : "designated; contact " + contact(dpo.contact()) + "; contact published: "
                        + yesNo(dpo.contactPublished()) + "; other roles: " + ReportStyle.list(dpo.otherRoles(), "none"));
        pdf.table(table);
    }

    private static void dataCategories(Declaration declared, PdfDocumentBuilder pdf) {
        pdf.subsection("Data categories");
        if (declared.dataCategories().isEmpty()) {
            pdf.paragraph(NONE + ".");
            return;
        }
        Table table = Table.of(Table.boldColumn("Id", 1.4f), Table.column("Name", 2.3f), Table.column("Kind", 1.2f),
                Table.column("Declared properties", 1.9f));
        for (DataCategory category : declared.dataCategories()) {
            List<String> properties = new ArrayList<>();
            if (category.special()) {
                properties.add("special category (Art. 9)");
            }
            if (category.criminal()) {
                properties.add("criminal offences (Art. 10)");
            }
            if (category.directIdentifier()) {
                properties.add("direct identifier");
            }
            if (category.anonymised()) {
                properties.add("labelled anonymised");
            }
            if (category.proxyFor() != null) {
                properties.add("proxy for " + category.proxyFor());
            }
            if (category.encryptedAtRest() != null) {
                properties.add("encrypted at rest: " + yesNo(category.encryptedAtRest()));
            }
            table.row(category.id(), text(category.name()), category.kind() == null ? ReportStyle.ABSENT
                    : category.kind().code(), ReportStyle.list(properties, ReportStyle.ABSENT));
        }
        pdf.table(table);
    }

    private static void dataSubjects(Declaration declared, PdfDocumentBuilder pdf) {
        pdf.subsection("Data subjects");
        if (declared.dataSubjects().isEmpty()) {
            pdf.paragraph(NONE + ".");
            return;
        }
        Table table = Table.of(Table.boldColumn("Id", 1.4f), Table.column("Name", 2.5f), Table.column("Kind", 1.2f),
                Table.column("Minimum age", 0.85f), Table.column("Vulnerable", 0.95f));
        for (DataSubjectCategory subject : declared.dataSubjects()) {
            table.row(subject.id(), text(subject.name()), subject.kind() == null ? ReportStyle.ABSENT : subject.kind().code(),
                    subject.minimumAge() == null ? ReportStyle.ABSENT : subject.minimumAge().toString(),
                    yesNo(subject.vulnerable()));
        }
        pdf.table(table);
    }

    private static void recipients(Declaration declared, PdfDocumentBuilder pdf) {
        pdf.subsection("Recipients");
        if (declared.recipients().isEmpty()) {
            pdf.paragraph(NONE + ".");
            return;
        }
        Table table = Table.of(Table.boldColumn("Id", 1.3f), Table.column("Name", 2.0f), Table.column("Role", 1.1f),
                Table.column("Country", 0.85f), Table.column("Declared safeguards", 2.05f));
        for (Recipient recipient : declared.recipients()) {
            List<String> facts = new ArrayList<>();
            if (recipient.role() != null && recipient.role().processor()) {
                facts.add("Art. 28 contract: " + yesNo(recipient.art28Contract()));
                facts.add("sub-processors: " + (recipient.usesSubProcessors()
                        ? "yes, authorised: " + yesNo(recipient.subProcessingAuthorised()) : "no"));
            }
            if (recipient.role() == org.tcentre.gdpr.declaration.RecipientRole.JOINT_CONTROLLER) {
                facts.add("Art. 26 arrangement: " + yesNo(recipient.jointArrangement()));
            }
            if (recipient.dpfCertified()) {
                facts.add("EU-US Data Privacy Framework certified");
            }
            if (!recipient.remoteAccessFrom().isEmpty()) {
                facts.add("remote access from " + String.join(", ", recipient.remoteAccessFrom()));
            }
            table.row(recipient.id(), text(recipient.name()),
                    recipient.role() == null ? ReportStyle.ABSENT : recipient.role().code(),
                    text(recipient.country()), ReportStyle.list(facts, ReportStyle.ABSENT));
        }
        pdf.table(table);
    }

    private static void activity(Declaration declared, Activity activity, PdfDocumentBuilder pdf) {
        Table table = labelValue()
                .row("Description", text(activity.description()))
                .row("Purposes", lines(activity.purposes().stream().map(AppendixSection::purpose).toList()))
                .row("Legal basis", legalBasis(activity));
        if (activity.art9Condition() != null || activity.art9Law() != null) {
            table.row("Art. 9 condition", (activity.art9Condition() == null ? ReportStyle.ABSENT
                    : activity.art9Condition().code() + " (" + activity.art9Condition().article() + ")")
                    + (activity.art9Law() == null ? "" : "; law: " + activity.art9Law()));
        }
        if (activity.criminalDataAuthority() != null) {
            table.row("Art. 10 authority", activity.criminalDataAuthority());
        }
        table.row("Data used", lines(activity.data().stream().map(use -> dataUse(declared, use)).toList()))
                .row("Data subjects", lines(activity.dataSubjects().stream().map(id -> named(id,
                        declared.dataSubject(id) == null ? null : declared.dataSubject(id).name())).toList()))
                .row("Source", activity.source() == null ? ReportStyle.ABSENT : activity.source().code())
                .row("Recipients", activity.recipients() == null ? "not stated"
                        : activity.recipients().isEmpty() ? "none"
                        : lines(activity.recipients().stream().map(id -> named(id,
                        declared.recipient(id) == null ? null : declared.recipient(id).name())).toList()))
                .row("Transfers", activity.transfers().isEmpty() ? "none"
                        : lines(activity.transfers().stream().map(AppendixSection::transfer).toList()))
                .row("Retention", retention(activity.retention()));
        // An activity reads best on one page: start a new one rather than split a table that would fit there.
        pdf.keepSpace(pdf.height(table) + 2 * TextStyle.SUBHEADING.leading());
        pdf.subsection("Activity " + activity.id() + (activity.name() == null ? "" : " — " + activity.name()));
        pdf.table(table);
    }

    private static void securityRightsAndBreaches(Declaration declared, PdfDocumentBuilder pdf) {
        pdf.subsection("Security, rights and breach handling");
        Security security = declared.security();
        AccessRequests access = declared.rights().access();
        var rights = declared.rights();
        var breach = declared.breach();
        Table table = labelValue()
                .row("Security measures", text(security.description()))
                .row("Encryption", "in transit: " + yesNo(security.encryptionInTransit()) + "; at rest: "
                        + yesNo(security.encryptionAtRest()))
                .row("Access control", "role-based, least privilege: " + yesNo(security.roleBasedAccess())
                        + "; MFA for administrators: " + yesNo(security.adminMfa()))
                .row("Credential storage", security.credentialHashing() == null ? ReportStyle.ABSENT
                        : security.credentialHashing().code())
                .row("Last security test", security.lastSecurityTest() == null ? ReportStyle.ABSENT
                        : security.lastSecurityTest().toString())
                .row("Backups", yesNo(security.backups()) + "; restore tested: " + yesNo(security.restoreTested()))
                .row("Software components", "SBOM: " + yesNo(security.sbom()) + "; vetted: "
                        + yesNo(security.componentsVetted()))
                .row("Access requests", access == null || !access.procedure() ? "no procedure declared"
                        : "procedure; answered within " + (access.responseDays() == null ? ReportStyle.ABSENT
                        : access.responseDays() + " days") + "; channels: " + ReportStyle.list(access.channels(), "none")
                        + "; fee for the first copy: " + yesNo(access.feeForFirstCopy()))
                .row("Other rights", "erasure: " + yesNo(rights.erasure()) + "; rectification: "
                        + yesNo(rights.rectification()) + "; restriction: " + yesNo(rights.restriction())
                        + "; portability: " + yesNo(rights.portability()) + "; objection: " + yesNo(rights.objection())
                        + "; requester authenticated: " + yesNo(rights.requesterAuthentication()))
                .row("Breach handling", "authority notified within 72 hours: " + yesNo(breach.authorityNotification72h())
                        + "; breach register: " + yesNo(breach.register()) + "; data subjects informed of high risks: "
                        + yesNo(breach.dataSubjectCommunication()))
                .row("ePrivacy", "non-essential cookies or trackers: " + yesNo(declared.eprivacy().nonEssentialTrackers())
                        + "; prior consent: " + yesNo(declared.eprivacy().priorConsent()));
        pdf.table(table);
    }

    private static String purpose(Purpose purpose) {
        return purpose.id() + ": " + text(purpose.description())
                + (purpose.kind() == null ? "" : " (" + purpose.kind().code() + ")");
    }

    private static String legalBasis(Activity activity) {
        if (activity.legalBasis() == null) {
            return "not declared";
        }
        StringBuilder text = new StringBuilder(activity.legalBasis().code() + " (" + activity.legalBasis().article() + ")");
        LegalBasisEvidence evidence = activity.legalBasisEvidence();
        if (evidence.legitimateInterestsAssessment() != null) {
            text.append("\nbalancing test: ").append(evidence.legitimateInterestsAssessment());
        }
        if (evidence.law() != null) {
            text.append("\nlaw: ").append(evidence.law());
        }
        if (evidence.contract() != null) {
            text.append("\ncontract: ").append(evidence.contract());
        }
        return text.toString();
    }

    private static String dataUse(Declaration declared, DataUse use) {
        DataCategory category = declared.dataCategory(use.category());
        return named(use.category(), category == null ? null : category.name())
                + (use.purposes().isEmpty() ? "" : " — for " + String.join(", ", use.purposes()));
    }

    private static String transfer(Transfer transfer) {
        StringBuilder text = new StringBuilder("to " + text(transfer.country()));
        if (transfer.recipient() != null) {
            text.append(" (").append(transfer.recipient()).append(")");
        }
        text.append(", ").append(transfer.mechanism() == null ? "no mechanism declared"
                : transfer.mechanism().code() + " (" + transfer.mechanism().article() + ")");
        if (transfer.derogation() != null) {
            text.append(", derogation ").append(transfer.derogation());
        }
        if (transfer.systematic()) {
            text.append(", systematic");
        }
        if (transfer.transferImpactAssessment() != null) {
            text.append(", transfer impact assessment ").append(transfer.transferImpactAssessment());
        }
        return text.toString();
    }

    private static String retention(Retention retention) {
        List<String> parts = new ArrayList<>();
        if (retention.period() != null) {
            parts.add(ReportStyle.period(retention.period()));
        }
        if (retention.trigger() != null) {
            parts.add(retention.trigger());
        }
        if (retention.untilNoLongerNeeded()) {
            parts.add("until no longer needed");
        }
        String main = parts.isEmpty() ? "not declared" : String.join(" ", parts);
        return retention.description() == null ? main : main + "\n" + retention.description();
    }

    private static String named(String id, String name) {
        return name == null ? id : id + " (" + name + ")";
    }

    private static String lines(List<String> values) {
        return values.isEmpty() ? NONE : String.join("\n", values);
    }

    private static String contact(Contact contact) {
        List<String> channels = new ArrayList<>();
        if (contact.email() != null) {
            channels.add(contact.email());
        }
        if (contact.phone() != null) {
            channels.add(contact.phone());
        }
        if (contact.address() != null) {
            channels.add(contact.address());
        }
        if (contact.url() != null) {
            channels.add(contact.url());
        }
        return channels.isEmpty() ? "not declared" : String.join("; ", channels);
    }

    private static String contactSuffix(Contact contact) {
        return contact == null || !contact.isPresent() ? "" : "; " + contact(contact);
    }
}
