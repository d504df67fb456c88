package dev.mrcheck.changes;

import dev.mrcheck.scan.PciDeviceSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A git repository for diff-mode tests: {@code hw/dev/win.c}, a clean {@link PciDeviceSource}, and
 * {@code hw/dev/old.c}, one with an MR002 bug at line 12, committed and tagged {@code base}.
 */
public final class GitRepoFixture {
  private final Path repo;

  private GitRepoFixture(Path repo) {
    this.repo = repo;
  }

  public static GitRepoFixture create(Path repo) throws IOException, InterruptedException {
    GitRepoFixture f = new GitRepoFixture(repo);
    Files.createDirectories(repo.resolve("hw/dev"));
    Files.writeString(
        repo.resolve("hw/dev/win.c"), PciDeviceSource.of("win", PciDeviceSource.CLEAN));
    Files.writeString(
        repo.resolve("hw/dev/old.c"), PciDeviceSource.of("old", PciDeviceSource.BUGGY));
    f.git("init", "-q");
    f.git("add", "-A");
    f.git("commit", "-q", "-m", "base");
    f.git("tag", "base");
    return f;
  }

  public void git(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("git " + String.join(" ", args) + ": " + out);
  }
}
