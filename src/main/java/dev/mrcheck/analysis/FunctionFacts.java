package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.FunctionModel;
import dev.mrcheck.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one function contributes to the structures the analysis builds over the whole program, read
 * from its statements once ({@link FunctionMemo} keeps it while the function object lives): the
 * global names it hands over as values, to a call or a variable, those it stores into fields and
 * the fields whose values it hands over ({@link RuntimeDispatch}; resolved by the program, since
 * resolution depends on the other files), the struct members it stores to, by the declared type of
 * the variable they are reached through ({@link InstanceStorage}; typed by the program's layouts),
 * its modelled region inits that pass no name, and the fields its conditions test ({@link
 * RegionFlow#testedFields}).
 */
record FunctionFacts(
    List<String> handedOver,
    List<FieldStore> storedInFields,
    List<String> fieldsHandedOver,
    List<MemberStore> memberStores,
    List<SourceLoc> unnamedInits,
    List<String> testedFields) {
  /** {@code x->field = function}. */
  record FieldStore(String function, String field) {}

  /** {@code root->a.b.member = ...} with {@code root} declared as {@code rootType}. */
  record MemberStore(String rootType, List<String> along, String member) {}

  /** The parameter of a modelled init that names the region, as the API model spells it. */
  private static final String NAME_PARAM = "name";

  static FunctionFacts of(Function f, ApiModel model) {
    Set<String> handedOver = new LinkedHashSet<>();
    Set<FieldStore> storedInFields = new LinkedHashSet<>();
    Set<String> fieldsHandedOver = new LinkedHashSet<>();
    Set<MemberStore> stores = new LinkedHashSet<>();
    List<SourceLoc> unnamed = new ArrayList<>();
    Set<String> tested = new LinkedHashSet<>();
    for (Stmt s : f.cfg().statements()) {
      if (s instanceof Stmt.Assign a) {
        if (a.target().steps().isEmpty()) handedOver(a.value(), handedOver);
        else if (functionName(a.value()) != null)
          storedInFields.add(new FieldStore(functionName(a.value()), a.target().lastStep()));
        fieldHandedOver(a.value(), fieldsHandedOver);
        memberStore(f, a.target(), stores);
      } else if (s instanceof Stmt.Return r) {
        fieldHandedOver(r.value(), fieldsHandedOver);
      } else if (s instanceof Stmt.Call c) {
        for (Value v : c.args()) {
          handedOver(v, handedOver);
          fieldHandedOver(v, fieldsHandedOver);
        }
        if (c.result() != null) memberStore(f, c.result(), stores);
        if (model != null && unnamed(c, model.function(c.callee()))) unnamed.add(c.loc());
      } else if (s instanceof Stmt.Assume a
          && a.cond() instanceof Value.Path p
          && !p.path().steps().isEmpty()) {
        tested.add(p.path().lastStep());
      }
    }
    return new FunctionFacts(
        List.copyOf(handedOver),
        List.copyOf(storedInFields),
        List.copyOf(fieldsHandedOver),
        List.copyOf(stores),
        List.copyOf(unnamed),
        List.copyOf(tested));
  }

  private static void handedOver(Value v, Set<String> into) {
    String name = functionName(v);
    if (name != null) into.add(name);
  }

  /** A global name given as a value (a function, in calls and hook stores), else null. */
  private static String functionName(Value v) {
    return v instanceof Value.Path p
            && p.path().steps().isEmpty()
            && p.path().kind() == AccessPath.Root.GLOBAL
        ? p.path().root()
        : null;
  }

  /**
   * The field a value reads ({@code s->detach} passed, assigned or returned): whatever function it
   * holds goes where the value goes.
   */
  private static void fieldHandedOver(Value v, Set<String> into) {
    if (v instanceof Value.Path p && !p.path().steps().isEmpty()) into.add(p.path().lastStep());
  }

  private static void memberStore(Function f, AccessPath target, Set<MemberStore> into) {
    if (target.steps().isEmpty()) return;
    String root = f.localTypes().get(target.root());
    if (root == null) return;
    List<String> along = List.copyOf(target.steps().subList(0, target.steps().size() - 1));
    into.add(new MemberStore(root, along, target.lastStep()));
  }

  private static boolean unnamed(Stmt.Call c, Optional<FunctionModel> m) {
    if (m.isEmpty() || m.get().effects().stream().noneMatch(e -> e instanceof Operation.Init))
      return false;
    int i = m.get().params().indexOf(NAME_PARAM);
    return i >= 0 && i < c.args().size() && c.args().get(i) instanceof Value.Null;
  }
}
