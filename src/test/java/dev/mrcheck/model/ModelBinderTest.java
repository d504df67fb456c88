package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelBinderTest {
  @Test
  void bindsParameterNamesToArgumentPositions() throws ModelException {
    ModelFile file =
        ModelLoader.parse(
            "m.mrm",
            """
        # a wrapper that maps a region of a section
        function my_map(dev, sec, base) {
          map(sec.mr, into = base);
          ref(sec.mr.owner);
          returns(global my_bus);
          init(return.region, owner = NULL, kind = container);
        }
        """);
    FunctionModel f = file.functions().get(0);
    assertThat(f.name()).isEqualTo("my_map");
    assertThat(f.params()).containsExactly("dev", "sec", "base");
    assertThat(f.definedAt().toString()).isEqualTo("m.mrm:2:10");
    assertThat(f.effects())
        .containsExactly(
            new Operation.Map<>(new Operand.Arg(1, "mr"), new Operand.Arg(2, null), null),
            new Operation.Ref<>(new Operand.Arg(1, "mr.owner"), false),
            new Operation.Returns<>(new Operand.Global("my_bus")),
            new Operation.Init<>(new Operand.Result("region"), null, RegionKind.CONTAINER, null));
  }

  @Test
  void keywordsStayUsableAsParameterNames() throws ModelException {
    ModelFile file =
        ModelLoader.parse(
            "m.mrm", "function f(type, class, function, global) { map(type, into = global); }");
    assertThat(file.functions().get(0).effects())
        .containsExactly(
            new Operation.Map<>(new Operand.Arg(0, null), new Operand.Arg(3, null), null));
  }

  @Test
  void unknownVerbSuggestsTheClosest() {
    assertThat(errors("function f(mr) {\n  mapp(mr, into = global x);\n}\n"))
        .containsExactly(
            "m.mrm:2:3: unknown verb 'mapp'; did you mean 'map'? (verbs: init, map, unmap, ref, "
                + "unref, unparent, free, keeps, as_init, as_destroy, as_map, as_unmap, find, returns, tests_mapped, device_owner, reports_error, registers)");
  }

  @Test
  void unknownParameterNamesTheSignature() {
    assertThat(errors("function f(mr, owner) {\n  init(mr, owner = ownr, kind = io);\n}"))
        .containsExactly(
            "m.mrm:2:20: unknown parameter 'ownr' in f(mr, owner); did you mean 'owner'?");
    assertThat(errors("function get_bus() { returns(bus); }"))
        .containsExactly(
            "m.mrm:1:30: unknown parameter 'bus' in get_bus(); "
                + "for a region outside every device write 'global bus'");
  }

  @Test
  void missingRequiredArgument() {
    assertThat(errors("function f(mr, o) {\n  init(mr, owner = o);\n}"))
        .containsExactly(
            "m.mrm:2:3: init needs the argument 'kind = <io|ram|rom|rom_device|iommu|container|alias>'");
    assertThat(errors("function f(mr) { map(mr); }"))
        .containsExactly("m.mrm:1:18: map needs the argument 'into = <operand>'");
    assertThat(errors("function f() { ref(); }"))
        .containsExactly(
            "m.mrm:1:16: ref needs the target as its first argument, e.g. ref(return)");
  }

  @Test
  void unknownAndDuplicateKeys() {
    assertThat(errors("function f(mr, c) { map(mr, to = c); }"))
        .containsExactly(
            "m.mrm:1:29: unknown argument 'to' for map; did you mean 'into'? (it takes into, undone_before)");
    assertThat(errors("function f(mr, c) { map(mr, container = c); }"))
        .containsExactly(
            "m.mrm:1:29: unknown argument 'container' for map (it takes into, undone_before)",
            "m.mrm:1:21: map needs the argument 'into = <operand>'");
    assertThat(errors("function f(mr, c) { unmap(mr, from = c, from = c); }"))
        .containsExactly("m.mrm:1:41: argument 'from' is given twice");
    assertThat(errors("function f(mr) { unref(mr, into = mr); }"))
        .containsExactly(
            "m.mrm:1:28: unknown argument 'into' for unref (it takes no named arguments)");
  }

  @Test
  void positionalArgumentsMustComeFirstAndAlone() {
    assertThat(errors("function f(a, b) { map(a, b); }"))
        .containsExactly(
            "m.mrm:1:27: map takes one unnamed argument (the region); name the others, e.g. into = <operand>",
            "m.mrm:1:20: map needs the argument 'into = <operand>'");
    assertThat(errors("function f(a, b) { map(into = a, b); }"))
        .containsExactly(
            "m.mrm:1:34: the region of map comes first; after a named argument every argument needs a name",
            "m.mrm:1:20: map needs the region as its first argument, e.g. map(a)");
  }

  @Test
  void kindsRolesAndFlagsAreChecked() {
    assertThat(errors("function f(mr, o) { init(mr, owner = o, kind = rem); }"))
        .containsExactly(
            "m.mrm:1:48: 'rem' is not a valid kind; did you mean 'ram'? "
                + "(expected one of io, ram, rom, rom_device, iommu, container, alias)");
    assertThat(errors("function f(mr, c) { map(mr, into = c, undone_before = exit); }"))
        .containsExactly(
            "m.mrm:1:55: 'exit' is not a valid undone_before "
                + "(expected one of class_init, instance_init, realize, unrealize, instance_finalize)");
    assertThat(errors("function f(as) { as_destroy(as, frees = yes); }"))
        .containsExactly("m.mrm:1:41: 'yes' is not a valid frees (expected one of true, false)");
    assertThat(errors("class C { exit = unrealise; }"))
        .containsExactly(
            "m.mrm:1:18: unknown role 'unrealise'; did you mean 'unrealize'? "
                + "(roles: class_init, instance_init, realize, unrealize, instance_finalize)");
  }

  @Test
  void aliasNeedsTargetAndOnlyAliasHasOne() {
    assertThat(errors("function f(mr, o) { init(mr, owner = o, kind = alias); }"))
        .containsExactly(
            "m.mrm:1:41: init: an alias needs its aliased region: add target = <parameter>");
    assertThat(errors("function f(mr, o, t) { init(mr, owner = o, kind = io, target = t); }"))
        .containsExactly("m.mrm:1:55: init: target is only meaningful for kind = alias");
  }

  @Test
  void nullIsOnlyAnOwner() {
    assertThat(errors("function f(mr) { map(NULL, into = mr); }"))
        .containsExactly(
            "m.mrm:1:22: NULL is only allowed as an owner (owner = NULL) and as unmap's region (unmap(NULL, from = C))");
  }

  @Test
  void duplicatesInOneFile() {
    assertThat(errors("function f(a, a) { }\nfunction f(x) { }\n"))
        .containsExactly(
            "m.mrm:1:15: parameter 'a' is declared twice",
            "m.mrm:2:10: function f is already defined at line 1 of this file "
                + "(a later file may replace it, the same file may not)");
    assertThat(errors("class C { realize = realize; }\nclass C { realize = unrealize; }"))
        .containsExactly(
            "m.mrm:2:11: field 'realize' of C is already defined at line 1 of this file "
                + "(a later file may replace it, the same file may not)");
    assertThat(
            errors("type T, \"t\" { hotpluggable = true; }\ntype \"t\" { hotpluggable = false; }"))
        .containsExactly(
            "m.mrm:2:6: type t is already defined at line 1 of this file "
                + "(a later file may replace it, the same file may not)");
  }

  @Test
  void hookSettersAndTypes() throws ModelException {
    ModelFile file =
        ModelLoader.parse(
            "m.mrm",
            """
        hook_setter my_set_realize(klass, fn) = realize(fn);
        type TYPE_MY_BUS_DEVICE, "my-bus-device" { hotpluggable = true; }
        """);
    assertThat(file.hookSetters().get(0).setter())
        .isEqualTo(new ApiModel.HookSetter(Role.REALIZE, 1));
    assertThat(file.types())
        .extracting(TypeFact::typeName)
        .containsExactly("TYPE_MY_BUS_DEVICE", "my-bus-device");
    assertThat(errors("hook_setter s(a, b) = realize(c);"))
        .containsExactly("m.mrm:1:31: unknown parameter 'c' in s(a, b)");
    assertThat(errors("type T { hotplugable = true; }"))
        .containsExactly(
            "m.mrm:1:10: unknown type property 'hotplugable'; did you mean 'hotpluggable'? "
                + "(the only property is hotpluggable)",
            "m.mrm:1:1: a type declaration needs 'hotpluggable = true;' or 'hotpluggable = false;'");
    assertThat(errors("type T { hotpluggable = maybe; }"))
        .containsExactly(
            "m.mrm:1:25: 'maybe' is not a valid hotpluggable (expected one of true, false)");
  }

  @Test
  void allErrorsOfAFileAreReportedInOneException() {
    assertThatThrownBy(() -> ModelLoader.parse("m.mrm", "function f(mr) { mapp(mr); ref(x); }"))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "m.mrm:1:18: unknown verb 'mapp'; did you mean 'map'? (verbs: init, map, unmap, ref, unref, "
                + "unparent, free, keeps, as_init, as_destroy, as_map, as_unmap, find, returns, tests_mapped, device_owner, reports_error, registers)\n"
                + "m.mrm:1:32: unknown parameter 'x' in f(mr); for a region outside every device write 'global x'");
  }

  static List<String> errors(String text) {
    try {
      ModelLoader.parse("m.mrm", text);
      throw new AssertionError("expected errors in: " + text);
    } catch (ModelException e) {
      return e.errors().stream().map(ModelError::toString).toList();
    }
  }
}
