package dev.mrcheck.frontend.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.InputScreen;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.TranslationUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java frontend: lowers device classes written against QEMU's memory API, through generated FFM
 * bindings ({@code memory_h.memory_region_init_io(...)}) or the object-oriented facade ({@code
 * MemoryRegion.io(...)}, {@code container.addSubregion(off, mr)}), to the same IR as C.
 *
 * <p>Give it the scan roots so that calls, getters and superclasses in other files are known: on
 * the first {@link #parse} it indexes every {@code *.java} below them (a pre-pass that parses each
 * file once more) and sets up the symbol solver over their source roots. Safe to call from several
 * threads: each thread gets its own parser and solver, which are not thread-safe.
 */
public final class JavaFrontend implements Frontend {
  public static final String LANGUAGE = "java";

  /**
   * Java 21 syntax. RAW (no validation) would parse about twice as fast but loses contextual
   * keywords: the body of {@code case 1 -> { ...; yield 1; }} comes out empty.
   */
  private static final ParserConfiguration.LanguageLevel LEVEL =
      ParserConfiguration.LanguageLevel.JAVA_21;

  private final List<Path> scanRoots;
  private final List<Path> declarationRoots;
  private volatile SourceTree tree;
  private final ThreadLocal<JavaParser> parsers = ThreadLocal.withInitial(this::resolvingParser);

  /** A frontend that knows only the file it parses (and the JDK). */
  public JavaFrontend() {
    this(List.of());
  }

  /**
   * @param scanRoots the directories or files of the scan; every Java file below them is indexed.
   */
  public JavaFrontend(List<Path> scanRoots) {
    this(scanRoots, List.of());
  }

  /**
   * @param declarationRoots directories whose Java files are indexed and resolved against like the
   *     scanned ones but not scanned themselves (the scan's {@code -I}): binding stubs, the sources
   *     of a facade the device code is compiled against
   */
  public JavaFrontend(List<Path> scanRoots, List<Path> declarationRoots) {
    this.scanRoots = List.copyOf(scanRoots);
    this.declarationRoots = List.copyOf(declarationRoots);
  }

  @Override
  public boolean accepts(String fileName) {
    return fileName.endsWith(".java");
  }

  @Override
  public TranslationUnit parse(SourceFile file) {
    String name = file.relativePath();
    int lines = (int) file.text().lines().count();
    InputScreen screen = InputScreen.of(name, file.text());
    FileLowering lowering = null;
    List<ParseProblem> problems = new ArrayList<>();
    try {
      ParseResult<CompilationUnit> result = parseScreened(screen);
      for (Problem p : result.getProblems()) problems.add(problem(name, p));
      if (result.getResult().isPresent()) {
        CompilationUnit cu = result.getResult().get();
        lowering = new FileLowering(name, tree().index().overlay(ClassIndexer.classesOf(cu)));
        lowering.lowerUnit(cu);
        problems.addAll(lowering.problems());
      }
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(
          new ParseProblem(
              SourceLoc.of(name, 1, 1),
              "Java parser gave up on this file: " + e.getClass().getSimpleName(),
              null));
    }
    problems.addAll(screen.problems());
    if (lowering == null) {
      return new TranslationUnit(
          name, LANGUAGE, lines, List.of(), List.of(), List.of(), java.util.Map.of(), problems);
    }
    List<Function> functions =
        lowering.functions().stream()
            .filter(
                f ->
                    !screen.dropped(
                        f.name().substring(f.name().lastIndexOf('.') + 1), f.loc().line()))
            .toList();
    return new TranslationUnit(
        name,
        LANGUAGE,
        lines,
        functions,
        lowering.registrations(),
        lowering.fields(),
        java.util.Map.of(),
        problems);
  }

  /**
   * Parses the screened text (see {@link InputScreen}); if JavaParser still overflows the stack,
   * the method that causes it is dropped and the file parsed again.
   */
  private ParseResult<CompilationUnit> parseScreened(InputScreen screen) {
    while (true) {
      try {
        return parsers.get().parse(screen.text());
      } catch (StackOverflowError e) {
        if (!screen.dropOverflowing(
            this::overflows, "it nests too deeply: parsing it ran out of stack")) throw e;
      }
    }
  }

  private boolean overflows(String text) {
    try {
      parsers.get().parse(text);
      return false;
    } catch (StackOverflowError e) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static ParseProblem problem(String file, Problem p) {
    SourceLoc loc =
        p.getLocation()
            .flatMap(r -> r.getBegin().getRange())
            .map(r -> new SourceLoc(file, r.begin.line, r.begin.column, r.end.line, r.end.column))
            .orElse(SourceLoc.of(file, 1, 1));
    String message = p.getMessage().lines().findFirst().orElse("syntax error");
    return new ParseProblem(loc, message, null);
  }

  private SourceTree tree() {
    SourceTree t = tree;
    if (t == null) {
      synchronized (this) {
        if (tree == null) {
          List<Path> roots = new ArrayList<>(scanRoots);
          roots.addAll(declarationRoots);
          tree =
              roots.isEmpty()
                  ? SourceTree.EMPTY
                  : SourceTree.scan(
                      roots, new JavaParser(new ParserConfiguration().setLanguageLevel(LEVEL)));
        }
        t = tree;
      }
    }
    return t;
  }

  private JavaParser resolvingParser() {
    CombinedTypeSolver solver = new CombinedTypeSolver(new ReflectionTypeSolver(true));
    ParserConfiguration plain = new ParserConfiguration().setLanguageLevel(LEVEL);
    for (Path root : tree().sourceRoots()) {
      TypeSolver sources = new JavaParserTypeSolver(root, plain);
      solver.add(sources);
    }
    return new JavaParser(
        new ParserConfiguration()
            .setLanguageLevel(LEVEL)
            .setSymbolResolver(new JavaSymbolSolver(solver)));
  }
}
