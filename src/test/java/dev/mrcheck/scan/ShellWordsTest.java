package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void blanksSeparateWords() {
    assertThat(ShellWords.split("  cc\t-c  a.c\n")).containsExactly("cc", "-c", "a.c");
  }

  @Test
  void mesonsQuotingOfStringDefines() {
    assertThat(ShellWords.split("cc '-DCONFIG_NAME=\"qemu x\"' -DA=1 -c a.c"))
        .containsExactly("cc", "-DCONFIG_NAME=\"qemu x\"", "-DA=1", "-c", "a.c");
  }

  @Test
  void doubleQuotesKeepBlanksAndTakeBackslashOnlyBeforeSpecials() {
    assertThat(ShellWords.split("cc \"-DX=\\\"a b\\\"\" \"-I/a\\b\" \"\""))
        .containsExactly("cc", "-DX=\"a b\"", "-I/a\\b", "");
  }

  @Test
  void backslashOutsideQuotesEscapesOneCharacter() {
    assertThat(ShellWords.split("cc -I/my\\ dir -DX=\\'y\\' a\\\nb"))
        .containsExactly("cc", "-I/my dir", "-DX='y'", "ab");
  }

  @Test
  void adjacentQuotedPartsMakeOneWord() {
    assertThat(ShellWords.split("-D'A'\"B\"C ''")).containsExactly("-DABC", "");
  }

  @Test
  void anUnterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> ShellWords.split("cc '-DX"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShellWords.split("cc \"-DX"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
