package org.tcentre.gdpr.cli;

import picocli.CommandLine.IVersionProvider;

/** The jar's version, from its manifest (or "development" when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = GdprCheckerCommand.class.getPackage().getImplementationVersion();
        return new String[] {"gdpr-checker " + (version == null ? "development" : version)};
    }
}
