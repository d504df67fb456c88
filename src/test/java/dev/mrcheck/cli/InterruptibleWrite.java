package dev.mrcheck.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A process for {@link PendingTemporariesTest}: starts writing {@code args[0]} through {@link
 * OutputFile}, says {@code writing} on stdout once the temporary holds part of the report, then
 * waits inside the write until stdin closes, so the test can signal it mid-write.
 */
public final class InterruptibleWrite {
  private InterruptibleWrite() {}

  public static void main(String[] args) throws Exception {
    new OutputFile(Path.of(args[0]))
        .write(
            out -> {
              out.write("half a report\n");
              out.flush();
              System.out.println("writing");
              System.out.flush();
              try {
                while (System.in.read() >= 0) {
                  // wait for the signal (or for the test to close stdin)
                }
              } catch (IOException e) {
                // stdin gone: finish
              }
            });
  }
}
