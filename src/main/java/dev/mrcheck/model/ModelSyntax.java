package dev.mrcheck.model;

import dev.mrcheck.model.parser.MrModelLexer;
import dev.mrcheck.model.parser.MrModelParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Runs the ANTLR parser over one model file and turns its complaints into {@link ModelError}s.
 * ANTLR's default listener (which prints to stderr) is removed: errors only travel as values.
 */
final class ModelSyntax {
  private ModelSyntax() {}

  /** The parse tree, or the syntax errors of {@code text}; never both. */
  static MrModelParser.ModelFileContext parse(String file, CharSequence text)
      throws ModelException {
    ErrorCollector errors = new ErrorCollector(file);
    MrModelLexer lexer = new MrModelLexer(CharStreams.fromString(text.toString(), file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    MrModelParser parser = new MrModelParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    MrModelParser.ModelFileContext tree = parser.modelFile();
    if (!errors.found.isEmpty()) {
      // Only the first: after it, ANTLR's recovery produces follow-on errors that mislead.
      throw new ModelException(errors.found.subList(0, 1));
    }
    return tree;
  }

  private static final class ErrorCollector extends BaseErrorListener {
    private final String file;
    private final List<ModelError> found = new ArrayList<>();

    ErrorCollector(String file) {
      this.file = file;
    }

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      found.add(new ModelError(file, line, charPositionInLine + 1, reword(offendingSymbol, msg)));
    }

    /** ANTLR speaks in token names; say it in the words of the model language. */
    private static String reword(Object offendingSymbol, String msg) {
      if (offendingSymbol instanceof Token token && token.getType() == MrModelLexer.ERROR_CHAR) {
        return "unexpected character '" + token.getText() + "'";
      }
      String words =
          msg.replaceAll("(extraneous|mismatched) input '<EOF>'", "unexpected end of file,")
              .replace("<EOF>", "end of file")
              .replaceAll("(?<![\\w'])STRING(?![\\w'])", "string")
              .replaceAll("(?<![\\w'])ID(?![\\w'])", "name");
      Matcher set = EXPECTED_SET.matcher(words);
      StringBuilder out = new StringBuilder();
      while (set.find()) {
        set.appendReplacement(out, Matcher.quoteReplacement(expected(set.group(1))));
      }
      set.appendTail(out);
      return "syntax error: " + out;
    }

    /**
     * {@code {'function', 'class', 'hook_setter', 'type', 'global', name}} is just "a name": the
     * declaration keywords are names too. A single choice loses its braces.
     */
    private static String expected(String choices) {
      List<String> items = new ArrayList<>(List.of(choices.split(", ")));
      if (items.contains("name")) {
        items.removeAll(SOFT_KEYWORDS);
      }
      return items.size() == 1 ? items.get(0) : "one of " + String.join(", ", items);
    }
  }

  private static final Pattern EXPECTED_SET =
      Pattern.compile(
          "(?<=expecting |missing )\\{((?:'[^']*'|[\\w ]+)(?:, (?:'[^']*'|[\\w ]+))*)\\}");
  private static final List<String> SOFT_KEYWORDS =
      List.of("'function'", "'class'", "'hook_setter'", "'type'", "'global'");
}
