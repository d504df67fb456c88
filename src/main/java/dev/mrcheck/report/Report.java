package dev.mrcheck.report;

import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Renders a scan result. Output depends only on the result (no clock, no environment). */
public interface Report {
  void write(ScanResult result, Writer out) throws IOException;
}
