package dev.mrcheck.model;

import dev.mrcheck.model.parser.MrModelLexer;
import dev.mrcheck.model.parser.MrModelParser;
import java.util.ArrayList;
import java.util.List;
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
  static MrModelParser.ModelFileContext parse(String file, CharSequence text) throws ModelException {
    ErrorCollector errors = new ErrorCollector(file);
    MrModelLexer lexer = new MrModelLexer(CharStreams.fromString(text.toString(), file));
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    MrModelParser parser = new MrModelParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    MrModelParser.ModelFileContext tree = parser.modelFile();
    if (!errors.found.isEmpty()) {
      throw new ModelException(errors.found);
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
        Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
        String msg, RecognitionException e) {
      found.add(new ModelError(file, line, charPositionInLine + 1, reword(offendingSymbol, msg)));
    }

    /** ANTLR speaks in token names; say it in the words of the model language. */
    private static String reword(Object offendingSymbol, String msg) {
      if (offendingSymbol instanceof Token token && token.getType() == MrModelLexer.ERROR_CHAR) {
        return "unexpected character '" + token.getText() + "'";
      }
      return "syntax error: " + msg
          .replace("<EOF>", "end of file")
          .replaceAll("(?<![\\w'])ERROR_CHAR(?![\\w'])", "character")
          .replaceAll("(?<![\\w'])STRING(?![\\w'])", "string")
          .replaceAll("(?<![\\w'])ID(?![\\w'])", "name");
    }
  }
}
