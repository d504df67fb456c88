package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ToolInfoTest {
  @Test
  void versionResourceMatchesThePom() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m =
        Pattern.compile("<artifactId>mrcheck</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(m.find()).isTrue();
    assertThat(ToolInfo.version()).isEqualTo(m.group(1));
  }

  @Test
  void ruleHelpUriPointsAtTheRepoDocs() {
    assertThat(ToolInfo.ruleHelpUri("MR002"))
        .isEqualTo("https://github.com/mrcheck/mrcheck/blob/main/docs/rules/MR002.md");
  }
}
