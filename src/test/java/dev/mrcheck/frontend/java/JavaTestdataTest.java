package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps testdata/java honest for the frontend's part: every device file lowers without problems to
 * one device registration, every expectation marker points at a lowered call of the memory API, and
 * every call's receiver type is known. Whether the rules then agree is the golden tests' job.
 */
class JavaTestdataTest {
  private static final Path ROOT = Path.of("testdata/java");
  private static final Pattern BUG =
      Pattern.compile("^\\s*// BUG(\\([\\w,]+\\))?: (MR\\d{3})\\b.*");
  private static final Pattern OK = Pattern.compile("^// OK: (MR\\d{3}) \\S.*");
  private static final List<String> API_CALL =
      List.of(
          "MemoryRegion.", "AddressSpace.", "memory_region_", "address_space_", "object_unparent");

  private static final List<TranslationUnit> units = new ArrayList<>();
  private static final List<List<String>> texts = new ArrayList<>();

  @BeforeAll
  static void lowerAll() throws IOException {
    JavaFrontend frontend = new JavaFrontend(List.of(ROOT));
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String rel = ROOT.relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p);
        units.add(frontend.parse(new SourceFile(p.toAbsolutePath(), rel, text)));
        texts.add(text.lines().toList());
      }
    }
  }

  private static boolean isDevice(TranslationUnit u) {
    return !u.file().startsWith("api/");
  }

  @Test
  void thereAreEnoughDevicesOfBothStylesAndHalfAreMustNotFlag() {
    long devices = units.stream().filter(JavaTestdataTest::isDevice).count();
    long ffm = units.stream().filter(u -> u.file().startsWith("ffm/")).count();
    long ok = 0;
    for (int i = 0; i < units.size(); i++) {
      if (isDevice(units.get(i)) && OK.matcher(texts.get(i).get(0)).matches()) ok++;
    }
    assertThat(devices).isGreaterThanOrEqualTo(25);
    assertThat(ffm).isGreaterThanOrEqualTo(10);
    assertThat(ok * 2).isGreaterThanOrEqualTo(devices);
  }

  @Test
  void everyFileLowersCleanlyAndEveryDeviceFileRegistersItsClass() {
    for (TranslationUnit u : units) {
      assertThat(u.problems()).as(u.file()).isEmpty();
      if (!isDevice(u)) {
        assertThat(u.types()).as(u.file()).isEmpty();
        continue;
      }
      String cls = u.file().substring(u.file().lastIndexOf('/') + 1).replace(".java", "");
      assertThat(u.types()).as(u.file()).extracting(TypeRegistration::name).containsExactly(cls);
      TypeRegistration t = u.types().get(0);
      assertThat(t.hooks()).as(u.file()).containsKey("realize").doesNotContainValue(null);
      // A hook may be inherited from a scanned base class in another file.
      List<String> names =
          units.stream().flatMap(v -> v.functions().stream()).map(Function::key).toList();
      assertThat(names).as(u.file()).containsAll(t.hooks().values());
    }
  }

  @Test
  void everyExpectationMarkerSitsAboveAMemoryApiCall() {
    int markers = 0;
    for (int i = 0; i < units.size(); i++) {
      TranslationUnit u = units.get(i);
      List<String> lines = texts.get(i);
      boolean ok = !lines.isEmpty() && OK.matcher(lines.get(0)).matches();
      boolean bug = false;
      for (int n = 0; n < lines.size(); n++) {
        Matcher m = BUG.matcher(lines.get(n));
        if (!m.matches()) continue;
        bug = true;
        markers++;
        int flaggedLine = n + 2; // 1-based line after the marker
        assertThat(apiCallsAt(u, flaggedLine)).as("%s:%d", u.file(), flaggedLine).isNotEmpty();
      }
      if (isDevice(u)) assertThat(ok || bug).as(u.file() + " has no expectation").isTrue();
    }
    assertThat(markers).isGreaterThanOrEqualTo(12);
  }

  @Test
  void everyReceiverTypeInTheTestdataIsKnown() {
    for (TranslationUnit u : units) {
      for (Function f : u.functions()) {
        for (Stmt s : f.cfg().statements()) {
          if (s instanceof Stmt.Call c) {
            assertThat(c.callee())
                .as("%s in %s", c.loc(), f.name())
                .doesNotStartWith(CallNaming.UNKNOWN_RECEIVER + ".");
          }
        }
      }
    }
  }

  private static List<String> apiCallsAt(TranslationUnit u, int line) {
    List<String> out = new ArrayList<>();
    for (Function f : u.functions()) {
      for (Stmt s : f.cfg().statements()) {
        if (s instanceof Stmt.Call c
            && c.loc().line() == line
            && API_CALL.stream().anyMatch(c.callee()::startsWith)) {
          out.add(c.callee());
        }
      }
    }
    return out;
  }
}
