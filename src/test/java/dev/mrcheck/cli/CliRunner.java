package dev.mrcheck.cli;

import dev.mrcheck.report.Fixtures;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link Main#run} in-process with a fake scanner, capturing stdout, stderr and requests. */
final class CliRunner {
  record Outcome(int exit, String out, String err) {}

  final List<ScanRequest> requests = new ArrayList<>();
  private final Path workingDir;
  private ScanFunction scanner;

  CliRunner(Path workingDir) {
    this.workingDir = workingDir;
    this.scanner = request -> Fixtures.empty(request.paths().get(0));
  }

  CliRunner scanner(ScanFunction scanner) {
    this.scanner = scanner;
    return this;
  }

  Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ScanFunction recording =
        new ScanFunction() {
          @Override
          public ScanResult scan(ScanRequest request) throws ScanException {
            requests.add(request);
            return scanner.scan(request);
          }

          @Override
          public ScanResult scan(ScanRequest request, ScanListener listener) throws ScanException {
            requests.add(request);
            return scanner.scan(request, listener);
          }
        };
    CliContext context = new CliContext(recording, Fixtures.rules(), Fixtures.help(), workingDir);
    int exit = Main.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Outcome(exit, out.toString(), err.toString());
  }
}
