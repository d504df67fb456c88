package dev.mrcheck.model;

import static dev.mrcheck.model.ModelBinderTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelSyntaxTest {
  @Test
  void missingSemicolonIsReportedAtTheNextToken() {
    assertThat(errors("function f(mr) {\n  ref(mr)\n}\n"))
        .containsExactly("m.mrm:3:1: syntax error: missing ';' at '}'");
  }

  @Test
  void strayCharacterIsNamed() {
    assertThat(errors("function f(mr) {\n  ref(&mr);\n}\n"))
        .first()
        .isEqualTo("m.mrm:2:7: unexpected character '&'");
  }

  @Test
  void unterminatedDeclarationMentionsEndOfFile() {
    assertThat(errors("function f(mr) {\n  ref(mr);\n"))
        .first()
        .asString()
        .startsWith("m.mrm:3:1: syntax error:")
        .contains("end of file");
  }

  @Test
  void expectedTokensAreSaidInModelWords() {
    assertThat(errors("functon f(mr) { ref(mr); }"))
        .containsExactly(
            "m.mrm:1:1: syntax error: mismatched input 'functon' expecting one of "
                + "end of file, 'function', 'class', 'hook_setter', 'type'");
    assertThat(errors("function f(mr) { ref(mr.); }"))
        .containsExactly("m.mrm:1:25: syntax error: missing name at ')'");
    assertThat(errors("function f(mr) {\n  ref(mr);\n"))
        .containsExactly(
            "m.mrm:3:1: syntax error: unexpected end of file, expecting one of '}', name");
  }

  @Test
  void onlyTheFirstSyntaxErrorIsReported() {
    assertThat(errors("function f(mr) { init(mr, owner = , kind = io); }"))
        .containsExactly(
            "m.mrm:1:35: syntax error: extraneous input ',' expecting one of 'return', NULL, name");
  }

  @Test
  void returnIsReserved() {
    assertThat(errors("function f(return) { }"))
        .first()
        .asString()
        .startsWith("m.mrm:1:12: syntax error:");
  }

  @Test
  void antlrPrintsNothingToStderr() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      errors("function f( { @@ }");
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void commentsAndEmptyFilesAreFine() throws ModelException {
    assertThat(ModelLoader.parse("e.mrm", "# nothing here\n").functions()).isEmpty();
    assertThat(ModelLoader.parse("e.mrm", "").functions()).isEmpty();
  }
}
