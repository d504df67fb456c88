package dev.mrcheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.frontend.c.CFrontend;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt.Assume;
import dev.mrcheck.ir.Stmt.Call;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.model.Operation;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The C rendering of a generated device parses without input problems and lowers back to the
 * program: each statement becomes, on the line the rendering says, the memory-API call it stands
 * for, over the region it names, and nothing else calls the memory API.
 */
class CRendererTest {
  /**
   * Callees the renderer emits for statements; other calls (g_new0, OBJECT, get_system_memory) are
   * scaffolding.
   */
  private static final Pattern API =
      Pattern.compile(
          "memory_region_.*|address_space_.*|object_unparent|g_free|g_free_rcu|selftest_helper\\d+");

  private static TranslationUnit parse(RenderedSource src) {
    return new CFrontend(FrontendOptions.NONE)
        .parse(new SourceFile(Path.of(src.fileName()), src.fileName(), src.text()));
  }

  @ParameterizedTest(name = "hot-pluggable {0}")
  @ValueSource(booleans = {true, false})
  void renderingParsesWithoutProblemsAndKeepsEveryFunction(boolean pci) {
    RenderedSource src = new CRenderer().render(EveryStatementKind.of(pci));
    TranslationUnit unit = parse(src);
    assertThat(unit.problems()).isEmpty();
    assertThat(unit.droppedFunctions()).isZero();
    assertThat(unit.functions())
        .extracting(Function::name)
        .contains(
            "selftest_instance_init",
            "selftest_realize",
            pci ? "selftest_exit" : "selftest_unrealize",
            "selftest_instance_finalize",
            "selftest_write",
            "selftest_helper0");
  }

  @ParameterizedTest(name = "hot-pluggable {0}")
  @ValueSource(booleans = {true, false})
  void everyStatementLowersToItsCallOnItsLineAndNothingElseCallsTheApi(boolean pci) {
    DeviceProgram p = EveryStatementKind.of(pci);
    RenderedSource src = new CRenderer().render(p);
    List<Call> calls = new ArrayList<>();
    for (Function f : parse(src).functions()) {
      for (dev.mrcheck.ir.Stmt s : f.cfg().statements()) {
        if (s instanceof Call c && API.matcher(c.callee()).matches()) calls.add(c);
      }
    }

    List<String> expected = new ArrayList<>();
    for (Stmt s : p.statements()) {
      if (!(s instanceof IfError)) expected.add(src.lineOf(s) + " " + callee(s));
    }
    assertThat(calls)
        .extracting(c -> c.loc().line() + " " + c.callee())
        .containsExactlyInAnyOrderElementsOf(expected);

    for (Stmt s : p.statements()) {
      Integer region = region(s);
      if (region == null) continue;
      String field = p.regions().get(region).name();
      Call c =
          calls.stream().filter(x -> x.loc().line() == src.lineOf(s)).findFirst().orElseThrow();
      assertThat(c.args().toString()).as("%s at line %d", s, src.lineOf(s)).contains("s->" + field);
    }
  }

  @Test
  void everyErrorBranchLowersToAConditionOnItsFlag() {
    RenderedSource src = new CRenderer().render(EveryStatementKind.of(true));
    List<String> conditions = new ArrayList<>();
    for (Function f : parse(src).functions()) {
      for (dev.mrcheck.ir.Stmt s : f.cfg().statements()) {
        if (s instanceof Assume a && a.holds()) conditions.add(f.name() + ": " + a.cond());
      }
    }
    assertThat(conditions)
        .containsExactlyInAnyOrder(
            "selftest_realize: s->fail1", "selftest_instance_finalize: s->fail2");
  }

  private static String callee(Stmt s) {
    if (s instanceof CallHelper h) return "selftest_helper" + h.helper();
    return ((ApiCall) s).operation().accept(new Callees());
  }

  /** The function each call of the memory API renders as. */
  private static final class Callees extends GeneratedOperations<String> {
    @Override
    public String visitInit(Operation.Init<Slot> i) {
      return switch (i.kind()) {
        case CONTAINER -> "memory_region_init";
        case RAM -> "memory_region_init_ram";
        case ALIAS -> "memory_region_init_alias";
        default -> "memory_region_init_io";
      };
    }

    @Override
    public String visitMap(Operation.Map<Slot> o) {
      return "memory_region_add_subregion";
    }

    @Override
    public String visitUnmap(Operation.Unmap<Slot> o) {
      return "memory_region_del_subregion";
    }

    @Override
    public String visitRef(Operation.Ref<Slot> o) {
      return "memory_region_ref";
    }

    @Override
    public String visitUnref(Operation.Unref<Slot> o) {
      return "memory_region_unref";
    }

    @Override
    public String visitUnparent(Operation.Unparent<Slot> o) {
      return "object_unparent";
    }

    @Override
    public String visitFree(Operation.Free<Slot> o) {
      return o.rcu() ? "g_free_rcu" : "g_free";
    }

    @Override
    public String visitAddressSpaceInit(Operation.AddressSpaceInit<Slot> o) {
      return "address_space_init";
    }

    @Override
    public String visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Slot> o) {
      return "address_space_destroy";
    }

    @Override
    public String visitFind(Operation.Find<Slot> o) {
      return "memory_region_find";
    }
  }

  /** The region field a statement operates on (its subject), or null. */
  private static Integer region(Stmt s) {
    return s instanceof ApiCall c && c.operation().subject() instanceof Slot.RegionAt r
        ? r.index()
        : null;
  }
}
