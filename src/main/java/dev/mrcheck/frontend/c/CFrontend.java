package dev.mrcheck.frontend.c;

import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.InputScreen;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TableEntry;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTName;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorFunctionStyleMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTPreprocessorMacroDefinition;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.model.ILanguage;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.core.parser.NullLogService;

/**
 * The C frontend: Eclipse CDT's GNU C parser, run without headers (unless {@code -I} is given) and
 * with a built-in macro prelude for QEMU/GLib idioms, lowered to mrcheck's IR.
 *
 * <p>Thread-safe: every parse builds its own scanner state and provider; no AST outlives {@link
 * #parse}.
 */
public final class CFrontend implements Frontend {
  private static final Pattern STRING_MACRO = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int PARSE_OPTIONS =
      ILanguage.OPTION_IS_SOURCE_UNIT | ILanguage.OPTION_NO_IMAGE_LOCATIONS;

  /** Why a function the parser or the lowering overflowed on is dropped. */
  private static final String OVERFLOW = "it nests too deeply: parsing it ran out of stack";

  private final PreprocessorSetup defaults;
  private final Map<Path, FrontendOptions> perFile;
  private final boolean usePrelude;

  public CFrontend(FrontendOptions options) {
    this(options, Map.of(), true);
  }

  /**
   * {@code perFile}: options of individual translation units (from a build's compilation database),
   * keyed by absolute normalized path; every other file is parsed with {@code defaults}.
   */
  public CFrontend(FrontendOptions defaults, Map<Path, FrontendOptions> perFile) {
    this(defaults, perFile, true);
  }

  /** {@code usePrelude = false} only to measure what the prelude buys. */
  CFrontend(FrontendOptions options, boolean usePrelude) {
    this(options, Map.of(), usePrelude);
  }

  private CFrontend(
      FrontendOptions defaults, Map<Path, FrontendOptions> perFile, boolean usePrelude) {
    this.defaults = PreprocessorSetup.of(defaults, null);
    this.perFile = Map.copyOf(perFile);
    this.usePrelude = usePrelude;
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".c") || fileName.endsWith(".h");
  }

  @Override
  public TranslationUnit parse(SourceFile file) {
    try {
      return parseOrThrow(file);
    } catch (Exception | StackOverflowError | LinkageError e) {
      String name = file.relativePath();
      int lines = file.text() == null ? 0 : new Locations(name, "", file.text()).lineCount();
      ParseProblem p = new ParseProblem(SourceLoc.of(name, 1, 1), "C frontend failed: " + e, null);
      return new TranslationUnit(
          name, "c", lines, List.of(), List.of(), List.of(), Map.of(), List.of(p));
    }
  }

  /**
   * Parses the screened text (see {@link InputScreen}); if the parse still overflows the stack
   * (deep nesting without brackets, such as a long {@code else if} chain, on a thread with a small
   * stack), the function that causes it is dropped and the file parsed again.
   */
  private TranslationUnit parseOrThrow(SourceFile file) throws Exception {
    InputScreen screen = InputScreen.of(file.relativePath(), file.text());
    while (true) {
      try {
        return parseScreened(file, screen);
      } catch (StackOverflowError e) {
        if (!screen.dropOverflowing(t -> overflows(file, t), OVERFLOW)) throw e;
      }
    }
  }

  private boolean overflows(SourceFile file, String text) {
    try {
      Walk walk = new Walk(new Locations(file.relativePath(), cdtFileName(file), file.text()));
      walk.run(ast(file, text));
      return false;
    } catch (StackOverflowError e) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private IASTTranslationUnit ast(SourceFile file, String text) throws Exception {
    return ast(file, text, setupFor(file), guessedMacros(text));
  }

  /** {@code guessed}: the string macros guessed for the file ({@link #guessedMacros}). */
  private IASTTranslationUnit ast(
      SourceFile file, String text, PreprocessorSetup setup, String guessed) throws Exception {
    return SharedBuiltinsLanguage.INSTANCE.getASTTranslationUnit(
        FileContent.create(cdtFileName(file), text.toCharArray()),
        setup.scannerInfo(usePrelude),
        new HeaderProvider(setup.servedDirs(), guessed),
        null,
        PARSE_OPTIONS,
        new NullLogService());
  }

  private String guessedMacros(String text) {
    return usePrelude ? StringMacroGuesser.definitionsFor(text) : "";
  }

  private TranslationUnit parseScreened(SourceFile file, InputScreen screen) throws Exception {
    String name = file.relativePath();
    Locations locs = new Locations(name, cdtFileName(file), file.text());
    // Guessed from the whole text once: the second parse, which reads fewer bodies, guesses the
    // same.
    String guessed = guessedMacros(screen.text());
    IASTTranslationUnit ast = ast(file, screen.text(), setupFor(file), guessed);
    Walk walk = new Walk(locs);
    walk.run(ast);
    List<ParseProblem> problems = new ArrayList<>(walk.problems);
    problems.addAll(screen.problems());

    Map<String, String> firstFields = new HashMap<>();
    for (StructField f : walk.fields) firstFields.putIfAbsent(f.struct(), f.name());
    FunctionLowering lowering = new FunctionLowering(locs, name, firstFields);
    List<Function> functions = new ArrayList<>();
    Map<String, int[]> bodies = new HashMap<>();
    for (IASTFunctionDefinition def : walk.definitions) {
      IASTName fn = TypeNames.innermost(def.getDeclarator()).getName();
      SourceLoc at = locs.of(fn);
      if (screen.dropped(fn.toString(), at.line())) continue;
      if (AstDepth.of(def.getBody(), InputScreen.MAX_TREE_DEPTH) > InputScreen.MAX_TREE_DEPTH) {
        problems.add(new ParseProblem(at, InputScreen.TOO_DEEP_TREE, fn.toString()));
        continue;
      }
      try {
        functions.add(lowering.lower(def));
        IASTFileLocation body = def.getFileLocation();
        bodies.put(
            fn.toString(), new int[] {body.getStartingLineNumber(), body.getEndingLineNumber()});
      } catch (StackOverflowError e) {
        problems.add(new ParseProblem(at, OVERFLOW, fn.toString()));
      }
    }

    InactiveFunctions.Result inactive = InactiveFunctions.of(ast, locs, screen.text());
    List<TypeRegistration> types = new ArrayList<>(walk.types);
    int recovered =
        secondPass(
            new SecondRead(file, screen, guessed, locs, walk.definitions),
            inactive,
            lowering,
            functions,
            bodies,
            types);

    problems.sort((a, b) -> a.loc().compareTo(b.loc()));
    return new TranslationUnit(
        name,
        "c",
        locs.lineCount(),
        functions,
        types,
        walk.fields,
        stringMacros(ast, locs),
        problems,
        inactive.count(),
        recovered,
        walk.tables);
  }

  /**
   * Parses the file again with the macros its untaken conditionals test defined ({@link
   * InactiveFunctions.Result#toTake}) and adds the functions (and type registrations) that sit in
   * lines the first parse did not take, unless the first parse already has a function of that name
   * (the twin in the {@code #else} branch: one definition of a function, never two). A function of
   * the first parse whose body holds lines it did not take ({@code #if VERSION >= 1} around a case
   * of a switch) is replaced by the second parse's reading of it, which takes them: the statements
   * of the other branch are then the ones not analysed. Its problems are not reported: a
   * configuration nobody builds may not parse everywhere. Returns how many functions it added.
   */
  private int secondPass(
      SecondRead read,
      InactiveFunctions.Result inactive,
      FunctionLowering lowering,
      List<Function> functions,
      Map<String, int[]> bodies,
      List<TypeRegistration> types) {
    // A unit the build describes is parsed with the build's macros: what they leave out is off.
    SourceFile file = read.file();
    InputScreen screen = read.screen();
    if (inactive.toTake().isEmpty() || describedByTheBuild(file)) return 0;
    if (inactive.count() == 0
        && bodies.values().stream().noneMatch(b -> spansInactive(b, inactive, b[0]))) return 0;
    Locations locs = read.locs();
    Walk walk = new Walk(locs);
    try {
      String text = SecondParseText.of(screen.text(), read.firstDefinitions(), inactive);
      walk.run(
          ast(file, text, setupFor(file).withDefines(inactive.toTake()), read.guessedMacros()));
    } catch (Exception | StackOverflowError e) {
      return 0;
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < functions.size(); i++) index.putIfAbsent(functions.get(i).name(), i);
    int added = 0;
    for (IASTFunctionDefinition def : walk.definitions) {
      IASTName fn = TypeNames.innermost(def.getDeclarator()).getName();
      String name = fn.toString();
      SourceLoc at = locs.of(fn);
      if (screen.dropped(name, at.line())) continue;
      if (AstDepth.of(def.getBody(), InputScreen.MAX_TREE_DEPTH) > InputScreen.MAX_TREE_DEPTH)
        continue;
      Integer first = index.get(name);
      boolean widened = first != null && spansInactive(bodies.get(name), inactive, at.line());
      if (!widened && (first != null || !inactive.inactive(at.line()))) continue;
      Function lowered;
      try {
        lowered = lowering.lower(def);
      } catch (StackOverflowError e) {
        continue; // the first parse's reading, or none, as before
      }
      if (widened) {
        functions.set(first, lowered);
        bodies.remove(name);
      } else {
        index.put(name, functions.size());
        functions.add(lowered);
        added++;
      }
    }
    for (TypeRegistration t : walk.types) {
      if (t.loc() != null && inactive.inactive(t.loc().line())) types.add(t);
    }
    return added;
  }

  /**
   * What the second parse of a file starts from: the file, its screen, the string macros guessed
   * for it, its line table and the first parse's function definitions.
   */
  private record SecondRead(
      SourceFile file,
      InputScreen screen,
      String guessedMacros,
      Locations locs,
      List<IASTFunctionDefinition> firstDefinitions) {}

  /**
   * Whether the first parse's body {@code lines} (first and last line) starts where the second
   * parse's definition does and holds a line the first parse did not take.
   */
  private static boolean spansInactive(
      int[] lines, InactiveFunctions.Result inactive, int secondStart) {
    if (lines == null || secondStart < lines[0] || secondStart > lines[0] + 2) return false;
    for (int l = lines[0]; l <= lines[1]; l++) if (inactive.inactive(l)) return true;
    return false;
  }

  /**
   * One walk over the file's declarations: what is lowered later, type facts, and the parser's
   * problems.
   */
  private static final class Walk {
    final List<StructField> fields = new ArrayList<>();
    final List<TypeRegistration> types = new ArrayList<>();
    final List<TableEntry> tables = new ArrayList<>();
    final List<IASTFunctionDefinition> definitions = new ArrayList<>();
    final List<ParseProblem> problems = new ArrayList<>();
    private final Locations locs;

    Walk(Locations locs) {
      this.locs = locs;
    }

    void run(IASTTranslationUnit ast) {
      ProblemCollector problemCollector = new ProblemCollector(locs);
      TypeInfoExtractor typeInfos = new TypeInfoExtractor(locs);
      TableExtractor tableEntries = new TableExtractor(locs);

      ast.accept(
          new ASTVisitor() {
            {
              shouldVisitDeclarations = true;
              shouldVisitProblems = true;
            }

            @Override
            public int visit(IASTDeclaration d) {
              if (!locs.inThisFile(d)) return PROCESS_SKIP;
              if (d instanceof IASTFunctionDefinition f) {
                definitions.add(f);
              } else if (d instanceof IASTSimpleDeclaration sd) {
                typeInfos.extract(sd, types);
                tableEntries.extract(sd, tables);
                if (!(d.getParent() instanceof IASTCompositeTypeSpecifier)) {
                  StructFieldExtractor.extract(sd, fields);
                }
              }
              return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTProblem problem) {
              problemCollector.collect(problem, problems);
              return PROCESS_CONTINUE;
            }
          });
    }
  }

  private boolean describedByTheBuild(SourceFile file) {
    if (perFile.isEmpty() || file.absolutePath() == null) return false;
    return perFile.containsKey(file.absolutePath().toAbsolutePath().normalize());
  }

  private PreprocessorSetup setupFor(SourceFile file) {
    if (perFile.isEmpty() || file.absolutePath() == null) return defaults;
    Path key = file.absolutePath().toAbsolutePath().normalize();
    FrontendOptions own = perFile.get(key);
    return own == null ? defaults : PreprocessorSetup.of(own, key.getParent());
  }

  private static String cdtFileName(SourceFile file) {
    if (file.absolutePath() != null)
      return file.absolutePath().toAbsolutePath().normalize().toString();
    return "/mrcheck-input/" + file.relativePath();
  }

  /** {@code #define NAME "string"} in this file: NAME -> string. */
  private static Map<String, String> stringMacros(IASTTranslationUnit ast, Locations locs) {
    Map<String, String> out = new LinkedHashMap<>();
    for (IASTPreprocessorMacroDefinition m : ast.getMacroDefinitions()) {
      if (m instanceof IASTPreprocessorFunctionStyleMacroDefinition) continue;
      if (!locs.inThisFile(m)) continue; // not the prelude's, not a header's
      Matcher s = STRING_MACRO.matcher(m.getExpansion().trim());
      if (s.matches()) out.put(m.getName().toString(), s.group(1));
    }
    return out;
  }
}
