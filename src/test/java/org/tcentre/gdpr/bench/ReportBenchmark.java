package org.tcentre.gdpr.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tcentre.gdpr.report.JsonReportWriter;
import org.tcentre.gdpr.report.Report;
import org.tcentre.gdpr.report.ReportSamples;
import org.tcentre.gdpr.report.ReportWording;
import org.tcentre.gdpr.report.pdf.PdfReportWriter;

/**
 * Time to render one report in a warm JVM, for 10, 100 and 1,000 findings: the whole archival PDF (all
 * sections, PDF/A metadata, the declaration and the JSON report embedded) and, for scale, the JSON alone.
 * The findings are {@link ReportSamples#large}'s: every one with a long, wrapping explanation, so a page
 * holds about five. The byte size of each PDF is printed once per setup. See docs/performance.md.
 *
 * <p>{@code ./mvnw -q -Pbench test-compile exec:exec -Dbench.args="-f 1 -wi 3 -i 5 ReportBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {

    @Param({"10", "100", "1000"})
    public int findings;

    Report report;
    PdfReportWriter pdf;
    JsonReportWriter json;

    @Setup
    public void setUp() {
        report = Report.of(ReportSamples.large(findings));
        pdf = new PdfReportWriter(ReportWording.load(Path.of("reports")));
        json = new JsonReportWriter();
        byte[] bytes = pdf.write(report);
        System.out.printf(Locale.ROOT, "%n[size] %d findings: PDF %,d bytes (%.1f KB), JSON %,d bytes%n",
                findings, bytes.length, bytes.length / 1024.0, json.write(report).length);
    }

    @Benchmark
    public byte[] pdfReport() {
        return pdf.write(report);
    }

    @Benchmark
    public byte[] jsonReport() {
        return json.write(report);
    }
}
