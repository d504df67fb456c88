package dev.mrcheck.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Run-time callbacks replayed to a fixpoint of device states, and teardown from each state. */
class RuntimeStatesTest {
  private static final String DEVICE =
      """
      typedef struct TogState { SysBusDevice parent_obj; MemoryRegion ram, win, scratch;
          bool on; bool made; } TogState;
      static const MemoryRegionOps tog_ops;
      static void tog_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
      {
          TogState *s = opaque;
          if (addr == 0) {
              if (!s->on) {
                  memory_region_init_alias(&s->win, OBJECT(s), "w", &s->ram, 0, 16);
                  memory_region_add_subregion(get_system_memory(), val, &s->win);
                  s->on = true;
              } else {
                  object_unparent(OBJECT(&s->win));
                  s->on = false;
              }
          } else if (!s->made) {
              memory_region_init_io(&s->scratch, OBJECT(s), &tog_ops, s, "x", 16);
              s->made = true;
          }
      }
      static const MemoryRegionOps tog_ops = { .write = tog_write };
      static void tog_realize(DeviceState *dev, Error **errp)
      {
          TogState *s = TOG(dev);
          memory_region_init_ram(&s->ram, OBJECT(s), "r", 16, errp);
      }
      static void tog_finalize(Object *obj)
      {
          TogState *s = TOG(obj);
          object_unparent(OBJECT(&s->scratch));
      }
      static void tog_class_init(ObjectClass *klass, const void *data)
      {
          DeviceClass *dc = DEVICE_CLASS(klass);
          dc->realize = tog_realize;
      }
      static const TypeInfo tog_info = {
          .name = "tog", .parent = TYPE_SYS_BUS_DEVICE, .instance_size = sizeof(TogState),
          .instance_finalize = tog_finalize, .class_init = tog_class_init,
      };
      """;

  private static AnalysisResult analyze(String code) {
    Program p = AnalysisFixture.program("dev.c", code);
    return new Analyzer(p, AnalysisFixture.MODEL, Semantics.CURRENT).analyze();
  }

  @Test
  void aSecondInvocationSeesWhatTheFirstMapped() {
    AnalysisResult r = analyze(DEVICE);
    List<Observation> unparents =
        r.observations().stream()
            .filter(o -> o.effect() instanceof Operation.Unparent && o.phase() == null)
            .toList();
    assertTrue(
        unparents.stream()
            .anyMatch(o -> o.before().facts(Fact.Mapped.class, "self.win").size() > 0),
        "some invocation unparents the window while the previous one left it mapped");
    Observation again =
        unparents.stream()
            .filter(o -> !o.before().facts(Fact.Mapped.class, "self.win").isEmpty())
            .findFirst()
            .orElseThrow();
    assertTrue(again.chain().get(0).message().startsWith("tog_write() runs after tog_write()"));
    assertTrue(r.runtimeStates().invocations() >= 2);
  }

  @Test
  void finalizeRunsFromTheStateACallbackLeft() {
    AnalysisResult r = analyze(DEVICE);
    boolean seen =
        r.observations().stream()
            .anyMatch(
                o ->
                    o.phase() == Role.INSTANCE_FINALIZE
                        && o.effect() instanceof Operation.Unparent
                        && o.before().facts(Fact.Owned.class, "self.scratch").stream()
                            .anyMatch(f -> f.owner() == Fact.Owner.SELF && f.phase() == null));
    assertTrue(seen, "finalize replayed after the write that made the scratch region");
  }

  @Test
  void theStatesAreBounded() {
    AnalysisResult r = analyze(DEVICE);
    // post-realize, window on, scratch made, ...: never more than the budget, and each is walked
    // by every callback once.
    assertTrue(r.runtimeStates().invocations() <= RuntimeStates.MAX_STATES);
  }

  @Test
  void aFactoryIsPartOfItsObjectsLifecycle() {
    AnalysisResult r =
        analyze(
            """
            typedef struct Wrap { Object parent_obj; MemoryRegion *mr; } Wrap;
            Wrap *wrap_new(uint64_t len)
            {
                Wrap *w = WRAP(object_new("wrap"));
                MemoryRegion *mr = g_new0(MemoryRegion, 1);
                memory_region_init_ram(mr, OBJECT(w), "m", len, &error_fatal);
                w->mr = mr;
                return w;
            }
            static void wrap_finalize(Object *obj)
            {
                Wrap *w = WRAP(obj);
                object_unparent(OBJECT(w->mr));
            }
            static const TypeInfo wrap_info = {
                .name = "wrap", .parent = TYPE_OBJECT, .instance_size = sizeof(Wrap),
                .instance_finalize = wrap_finalize,
            };
            """);
    Observation unparent =
        r.observations().stream()
            .filter(
                o ->
                    o.phase() == Role.INSTANCE_FINALIZE && o.effect() instanceof Operation.Unparent)
            .filter(o -> !o.before().facts(Fact.Owned.class, o.subject().id()).isEmpty())
            .findFirst()
            .orElseThrow();
    assertEquals(
        Fact.Owner.SELF,
        unparent.before().facts(Fact.Owned.class, unparent.subject().id()).get(0).owner());
    assertFalse(unparent.subject().id().startsWith(Place.SELF + "."), "the g_new0'd region");
  }
}
