package dev.mrcheck.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code mrcheck} command; it only dispatches to subcommands. */
@Command(
    name = "mrcheck",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Checks QEMU device code for MemoryRegion ownership and lifetime bugs "
          + "(owner cycles, unparent while mapped, freeing owner-less regions).",
    },
    footer = {"", "Run 'mrcheck COMMAND --help' for a command's options."})
final class MrcheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** No subcommand: show what there is, and fail, since nothing was done. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
