package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves each QOM type's lifecycle across the type hierarchy: instance_init runs root-first,
 * instance_finalize leaf-first, realize/unrealize are the nearest override (plus the parent's when
 * chained with {@code device_class_set_parent_*}).
 */
public final class Lifecycles {
  private static final int MAX_DEPTH = 24;

  private final Program program;
  private final ApiModel model;
  private final FunctionMemo memo;
  private final CallGraph callGraph;
  private final Map<String, ClassInitFacts> classFacts = new HashMap<>();
  private final List<DeviceType> devices = new ArrayList<>();

  public Lifecycles(Program program, ApiModel model) {
    this(program, model, FunctionMemo.fresh(model), new CallGraph(program, model));
  }

  /**
   * With class_init facts taken from {@code memo} (kept between analyses); {@code callGraph} tells
   * which of two functions stored for one role calls the other.
   */
  Lifecycles(Program program, ApiModel model, FunctionMemo memo, CallGraph callGraph) {
    this.program = program;
    this.model = model;
    this.memo = memo;
    this.callGraph = callGraph;
    for (Map.Entry<String, TypeRegistration> e : program.types().entrySet()) {
      if ("true".equals(e.getValue().properties().get("abstract"))) continue;
      devices.add(build(e.getKey(), e.getValue()));
    }
  }

  public List<DeviceType> devices() {
    return devices;
  }

  /**
   * Lifecycle functions of registrations shadowed by a same-named type: hooks, never run-time code.
   */
  public List<Function> shadowedHooks() {
    List<Function> out = new ArrayList<>();
    for (TypeRegistration r : program.shadowedTypes()) {
      List<String> names = new ArrayList<>(r.hooks().values());
      names.addAll(facts(r).hooks.values());
      for (String name : names) {
        Function f = function(r, name);
        if (f != null) out.add(f);
      }
    }
    return out;
  }

  private DeviceType build(String name, TypeRegistration reg) {
    List<String> chain = ancestry(name);
    Map<Role, List<Function>> hooks = new EnumMap<>(Role.class);
    List<Function> inits = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) addHook(inits, chain.get(i), "instance_init");
    hooks.put(Role.INSTANCE_INIT, inits);
    List<Function> finalizers = new ArrayList<>();
    for (String t : chain) addHook(finalizers, t, "instance_finalize");
    hooks.put(Role.INSTANCE_FINALIZE, finalizers);
    hooks.put(Role.REALIZE, deviceHook(chain, Role.REALIZE));
    hooks.put(Role.UNREALIZE, deviceHook(chain, Role.UNREALIZE));
    String[] reason = new String[1];
    boolean hot = hotpluggable(chain, reason);
    return new DeviceType(name, reg, chain, hot, reason[0], reg.instanceStruct(), hooks);
  }

  private List<String> ancestry(String name) {
    List<String> chain = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String cur = name;
    while (cur != null && seen.add(cur) && chain.size() < MAX_DEPTH) {
      chain.add(cur);
      TypeRegistration r = program.types().get(cur);
      cur = r == null ? null : program.canonicalTypeName(r.parent());
    }
    return chain;
  }

  private void addHook(List<Function> out, String type, String hook) {
    TypeRegistration r = program.types().get(type);
    if (r == null) return;
    Function f = function(r, r.hooks().get(hook));
    if (f != null && !out.contains(f)) out.add(f);
  }

  private List<Function> deviceHook(List<String> chain, Role role) {
    List<Function> out = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      TypeRegistration r = program.types().get(chain.get(i));
      if (r == null) continue;
      Function direct = function(r, r.hooks().get(role.modelName()));
      ClassInitFacts facts = facts(r);
      Function fromClassInit = function(r, facts.hooks.get(role));
      Function f = direct != null ? direct : fromClassInit;
      if (f == null) continue;
      out.add(0, f);
      if (direct == null && Boolean.TRUE.equals(facts.chainsParent.get(role))) {
        out.addAll(0, deviceHook(chain.subList(i + 1, chain.size()), role));
      }
      return out;
    }
    return out;
  }

  /**
   * QEMU unplugs a device only if {@code dc->hotpluggable} holds and its bus accepts hot-unplug.
   * The flag defaults to true for every device, so only a "no" from class_init (or user_creatable =
   * false) decides alone; a "yes" needs a hot-pluggable base type from the model.
   */
  private boolean hotpluggable(List<String> chain, String[] reason) {
    // A subclass that makes its devices user-creatable again (x86 CPUs under TYPE_CPU) overrides
    // the base's "not user-creatable".
    boolean creatable = false;
    for (String t : chain) {
      TypeRegistration r = program.types().get(t);
      if (r == null) continue;
      String prop = r.properties().get("hotpluggable");
      if (prop != null) {
        reason[0] = t + " declares hotpluggable = " + prop;
        return Boolean.parseBoolean(prop);
      }
      ClassInitFacts facts = facts(r);
      if (Boolean.FALSE.equals(facts.hotpluggable)) {
        reason[0] = t + "'s class_init sets hotpluggable = false";
        return false;
      }
      if (Boolean.TRUE.equals(facts.userCreatable)) creatable = true;
      if (Boolean.FALSE.equals(facts.userCreatable) && !creatable) {
        reason[0] = t + " is not user-creatable";
        return false;
      }
      if (Boolean.TRUE.equals(facts.hotpluggable)) break;
    }
    for (String t : chain) {
      for (String written : program.writtenNames(t)) {
        Optional<Boolean> modelled = model.hotpluggable(written);
        if (modelled.isPresent()) {
          reason[0] =
              "a "
                  + written
                  + (modelled.get() ? " can be hot-unplugged" : " is never hot-unplugged");
          return modelled.get();
        }
      }
    }
    reason[0] = "no hot-pluggable base type in its ancestry";
    return false;
  }

  private ClassInitFacts facts(TypeRegistration r) {
    return classFacts.computeIfAbsent(
        r.name() + "@" + r.loc(),
        k -> {
          Function classInit = function(r, r.hooks().get("class_init"));
          // Facts kept per function hold for a class_init that hands its class to no helper; one
          // that does is read with its helpers, which may have changed on their own.
          ClassInitFacts facts =
              ClassCode.of(program, classInit).size() <= 1
                  ? memo.classInit(classInit)
                  : ClassInitFacts.of(program, classInit, model);
          return facts.settled(
              (caller, callee) -> {
                Function a = function(r, caller);
                Function b = function(r, callee);
                return a != null && b != null && callGraph.callers(b.key()).contains(a.key());
              });
        });
  }

  private Function function(TypeRegistration r, String nameOrKey) {
    if (nameOrKey == null) return null;
    Function f = program.function(nameOrKey);
    return f != null ? f : program.resolve(nameOrKey, r.loc().file());
  }
}
