package dev.mrcheck.changes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A git repository for diff-mode tests: {@code hw/dev/win.c}, a clean PCI device, and
 * {@code hw/dev/old.c}, one with an MR002 bug at line 12, committed and tagged {@code base}.
 */
public final class GitRepoFixture {
  /** A PCI device; {@code TEARDOWN} is what its exit does with the region. */
  private static final String DEVICE = """
      #include "qemu/osdep.h"
      typedef struct WinState { PCIDevice parent_obj; MemoryRegion win; } WinState;
      static void win_realize(PCIDevice *pdev, Error **errp)
      {
          WinState *s = WIN_DEV(pdev);
          memory_region_init_io(&s->win, OBJECT(s), &win_ops, s, "win", 0x100);
          memory_region_add_subregion(get_system_memory(), 0x1000, &s->win);
      }
      static void win_exit(PCIDevice *pdev)
      {
          WinState *s = WIN_DEV(pdev);
      TEARDOWN
      }
      static void win_class_init(ObjectClass *klass, const void *data)
      {
          PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
          k->realize = win_realize;
          k->exit = win_exit;
      }
      static const TypeInfo win_info = {
          .name = "win-dev",
          .parent = TYPE_PCI_DEVICE,
          .instance_size = sizeof(WinState),
          .class_init = win_class_init,
      };
      """;
  public static final String CLEAN = """
          memory_region_del_subregion(get_system_memory(), &s->win);
          object_unparent(OBJECT(&s->win));""";
  public static final String BUGGY = """
          object_unparent(OBJECT(&s->win));""";

  private final Path repo;

  private GitRepoFixture(Path repo) {
    this.repo = repo;
  }

  public static GitRepoFixture create(Path repo) throws IOException, InterruptedException {
    GitRepoFixture f = new GitRepoFixture(repo);
    Files.createDirectories(repo.resolve("hw/dev"));
    Files.writeString(repo.resolve("hw/dev/win.c"), device("win", CLEAN));
    Files.writeString(repo.resolve("hw/dev/old.c"), device("old", BUGGY));
    f.git("init", "-q");
    f.git("add", "-A");
    f.git("commit", "-q", "-m", "base");
    f.git("tag", "base");
    return f;
  }

  /** The device with its prefix replaced ({@code win} -> {@code prefix}) and {@code teardown} as its exit's body. */
  public static String device(String prefix, String teardown) {
    return DEVICE.replace("TEARDOWN", teardown).replace("win", prefix);
  }

  public void git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
        "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IOException("git " + String.join(" ", args) + ": " + out);
  }
}
