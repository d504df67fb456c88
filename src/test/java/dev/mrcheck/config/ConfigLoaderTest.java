package dev.mrcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final ConfigLoader LOADER =
      new ConfigLoader(Set.of("MR001", "MR002", "MR004", "MRS01"));

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve(ProjectConfig.FILE_NAME), yaml);
  }

  @Test
  void everySettingWithPathsRelativeToTheFile() throws Exception {
    Files.createDirectories(dir.resolve("tools"));
    Files.writeString(dir.resolve("tools/extra.mrm"), "");
    ProjectConfig c =
        LOADER.load(
            write(
                """
        # mrcheck settings for this tree
        semantics: refcount
        rules: [mr001, MR002]
        severity:
          MR004: error
        models: [tools/extra.mrm]
        includeDirs:
          - include
        defines:
          CONFIG_PCI: 1
          CONFIG_KVM:
        exclude: ["tests/**", "hw/xen/*"]
        compileCommands: build/compile_commands.json
        """));
    assertThat(c.semantics()).isEqualTo(Semantics.REFCOUNT);
    assertThat(c.rules()).containsExactlyInAnyOrder("MR001", "MR002");
    assertThat(c.severities()).containsEntry("MR004", Severity.ERROR);
    assertThat(c.models()).containsExactly(dir.resolve("tools/extra.mrm").normalize());
    assertThat(c.includeDirs()).containsExactly(dir.resolve("include"));
    assertThat(c.defines()).containsEntry("CONFIG_PCI", "1").containsEntry("CONFIG_KVM", "1");
    assertThat(c.exclude()).containsExactly("tests/**", "hw/xen/*");
    assertThat(c.compileCommands()).isEqualTo(dir.resolve("build/compile_commands.json"));
  }

  @Test
  void definesAlsoAsAListAndRulesAsOneString() throws Exception {
    ProjectConfig c = LOADER.load(write("defines: [CONFIG_PCI, \"MAX=4\"]\nrules: MR001, MR002\n"));
    assertThat(c.defines()).containsEntry("CONFIG_PCI", "1").containsEntry("MAX", "4");
    assertThat(c.rules()).containsExactlyInAnyOrder("MR001", "MR002");
  }

  @Test
  void anEmptyFileSetsNothing() throws Exception {
    ProjectConfig c = LOADER.load(write("# nothing yet\n"));
    assertThat(c.semantics()).isNull();
    assertThat(c.rules()).isEmpty();
  }

  @Test
  void errorsNameTheFileAndLine() throws Exception {
    Path f = write("semantics: current\nincludeDirs: [include]\ninclude_dirs: [x]\n");
    assertThatThrownBy(() -> LOADER.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            f
                + ":3: unknown setting 'include_dirs' (did you mean 'includeDirs'?) (known: semantics, rules, "
                + "severity, models, includeDirs, defines, exclude, compileCommands, maxFileSize)");
  }

  @Test
  void badValuesNameTheirLine() throws Exception {
    assertError(
        "semantics: modern\n", ":1: bad semantics 'modern' (expected legacy, current, refcount)");
    assertError(
        "rules:\n  - MR001\n  - MR999\n",
        ":3: unknown rule id 'MR999' (known: MR001, MR002, MR004, MRS01)");
    assertError(
        "severity:\n  MR002: fatal\n", ":2: bad severity 'fatal' (expected error, warning, note)");
    assertError("models: [missing.mrm]\n", ":1: model file not found: ");
    assertError("semantics: [current]\n", ":1: expected a value for 'semantics', found a list");
    assertError("severity: high\n", ":1: 'severity' maps rule ids to error, warning or note");
    assertError("- just\n- a list\n", ":1: expected a mapping of settings");
    assertError("semantics: current\nsemantics: legacy\n", ":2:");
    assertError("rules: [MR001\n", ": not valid YAML");
    assertError("exclude: ['a[b']\n", ":1: bad glob 'a[b'");
  }

  private void assertError(String yaml, String expected) throws Exception {
    Path f = write(yaml);
    assertThatThrownBy(() -> LOADER.load(f))
        .as(yaml)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(f.toString())
        .hasMessageContaining(expected);
  }

  @Test
  void findLooksInTheDirectoryAndItsParents() throws Exception {
    Path f = write("semantics: legacy\n");
    Path deep = Files.createDirectories(dir.resolve("hw/misc"));
    assertThat(ConfigLoader.find(deep)).contains(f);
    Files.delete(f);
    assertThat(ConfigLoader.find(deep).filter(p -> p.startsWith(dir))).isEmpty();
  }
}
