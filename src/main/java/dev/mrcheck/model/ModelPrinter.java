package dev.mrcheck.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a bound model back in the model language (for {@code --dump}-style output and for the
 * round-trip property test). Parsing the output gives the same functions, hooks and types.
 */
public final class ModelPrinter {
  private ModelPrinter() {}

  public static String print(BoundModel model) {
    StringBuilder out = new StringBuilder();
    model.functions().forEach(f -> out.append(print(f)).append('\n'));
    for (ClassHook hook : model.classHooks()) {
      out.append("class ")
          .append(hook.classType())
          .append(" { ")
          .append(hook.field())
          .append(" = ")
          .append(hook.role().modelName())
          .append("; }\n");
    }
    for (HookSetterModel setter : model.hookSetters()) {
      out.append("hook_setter ")
          .append(setter.name())
          .append('(')
          .append(String.join(", ", setter.params()))
          .append(") = ")
          .append(setter.setter().role().modelName())
          .append('(')
          .append(setter.params().get(setter.setter().functionArg()))
          .append(");\n");
    }
    for (TypeFact type : model.types()) {
      out.append("type \"")
          .append(type.typeName())
          .append("\" { hotpluggable = ")
          .append(type.hotpluggable())
          .append("; }\n");
    }
    return out.toString();
  }

  public static String print(FunctionModel function) {
    StringBuilder out =
        new StringBuilder("function ")
            .append(function.name())
            .append('(')
            .append(String.join(", ", function.params()))
            .append(") {");
    for (Operation<Operand> effect : function.effects()) {
      out.append("\n  ").append(print(effect, function.params())).append(';');
    }
    return out.append(function.effects().isEmpty() ? "}" : "\n}").toString();
  }

  /** One effect as the verb call that binds to it, e.g. {@code map(mr, into = global pci_bar)}. */
  static String print(Operation<Operand> effect, List<String> params) {
    return effect.accept(new VerbCalls(params)).toString();
  }

  /** Each operation as the verb call of the model language that binds to it. */
  private static final class VerbCalls implements Operation.Visitor<Operand, Call> {
    private final List<String> params;

    VerbCalls(List<String> params) {
      this.params = params;
    }

    @Override
    public Call visitInit(Operation.Init<Operand> e) {
      Call call =
          new Call(Verb.INIT, e.region(), params)
              .with("owner", e.owner())
              .withWord("kind", e.kind().modelName());
      return e.aliasTarget() == null ? call : call.with("target", e.aliasTarget());
    }

    @Override
    public Call visitMap(Operation.Map<Operand> e) {
      Call call = new Call(Verb.MAP, e.region(), params).with("into", e.container());
      return e.undoneBefore() == null
          ? call
          : call.withWord("undone_before", e.undoneBefore().modelName());
    }

    @Override
    public Call visitUnmap(Operation.Unmap<Operand> e) {
      Call call = new Call(Verb.UNMAP, e.region(), params);
      return e.container() == null ? call : call.with("from", e.container());
    }

    @Override
    public Call visitRef(Operation.Ref<Operand> e) {
      Call call = new Call(Verb.REF, e.target(), params);
      return e.anyObject() ? call.withWord("object", "true") : call;
    }

    @Override
    public Call visitUnref(Operation.Unref<Operand> e) {
      return new Call(Verb.UNREF, e.target(), params);
    }

    @Override
    public Call visitUnparent(Operation.Unparent<Operand> e) {
      return new Call(Verb.UNPARENT, e.target(), params);
    }

    @Override
    public Call visitFree(Operation.Free<Operand> e) {
      Call call = new Call(Verb.FREE, e.target(), params);
      return e.rcu() ? call.withWord("rcu", "true") : call;
    }

    @Override
    public Call visitKeeps(Operation.Keeps<Operand> e) {
      return new Call(Verb.KEEPS, e.target(), params);
    }

    @Override
    public Call visitAddressSpaceInit(Operation.AddressSpaceInit<Operand> e) {
      return new Call(Verb.AS_INIT, e.addressSpace(), params).with("root", e.root());
    }

    @Override
    public Call visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Operand> e) {
      Call call = new Call(Verb.AS_DESTROY, e.addressSpace(), params);
      return e.frees() ? call.withWord("frees", "true") : call;
    }

    @Override
    public Call visitAddressSpaceMap(Operation.AddressSpaceMap<Operand> e) {
      return new Call(Verb.AS_MAP, e.addressSpace(), params).with("result", e.result());
    }

    @Override
    public Call visitAddressSpaceUnmap(Operation.AddressSpaceUnmap<Operand> e) {
      return new Call(Verb.AS_UNMAP, e.mapping(), params);
    }

    @Override
    public Call visitFind(Operation.Find<Operand> e) {
      return new Call(Verb.FIND, e.reference(), params);
    }

    @Override
    public Call visitReturns(Operation.Returns<Operand> e) {
      return new Call(Verb.RETURNS, e.target(), params);
    }

    @Override
    public Call visitDeviceOwner(Operation.DeviceOwner<Operand> e) {
      return new Call(Verb.DEVICE_OWNER, e.owner(), params);
    }

    @Override
    public Call visitRegisters(Operation.Registers<Operand> e) {
      return new Call(Verb.REGISTERS, e.target(), params).with("with", e.with());
    }

    @Override
    public Call visitReportsError(Operation.ReportsError<Operand> e) {
      return new Call(Verb.REPORTS_ERROR, e.errp(), params);
    }

    @Override
    public Call visitTestsMapped(Operation.TestsMapped<Operand> e) {
      return new Call(Verb.TESTS_MAPPED, e.region(), params);
    }

    @Override
    public Call visitInitMisowned(Operation.InitMisowned<Operand> e) {
      throw notInTheLanguage(e);
    }

    @Override
    public Call visitReturnsHolding(Operation.ReturnsHolding<Operand> e) {
      throw notInTheLanguage(e);
    }

    @Override
    public Call visitSetFreeHook(Operation.SetFreeHook<Operand> e) {
      throw notInTheLanguage(e);
    }

    @Override
    public Call visitUse(Operation.Use<Operand> e) {
      throw notInTheLanguage(e);
    }

    /**
     * What later stages say of the code (a wrong owner, a lost reference): no model verb binds it.
     */
    private static IllegalStateException notInTheLanguage(Operation<Operand> e) {
      return new IllegalStateException("no verb of the model language makes " + e);
    }
  }

  /** The written form of an operand; null is the owner-less {@code NULL}. */
  static String print(Operand operand, List<String> params) {
    if (operand == null) {
      return "NULL";
    }
    if (operand instanceof Operand.Arg arg) {
      return params.get(arg.index()) + (arg.field() == null ? "" : "." + arg.field());
    }
    if (operand instanceof Operand.Result result) {
      return "return" + (result.field() == null ? "" : "." + result.field());
    }
    return "global " + ((Operand.Global) operand).name();
  }

  private static final class Call {
    private final String verb;
    private final List<String> params;
    private final List<String> arguments = new ArrayList<>();

    Call(Verb verb, Operand subject, List<String> params) {
      this.verb = verb.modelName();
      this.params = params;
      arguments.add(print(subject, params));
    }

    Call with(String key, Operand value) {
      arguments.add(key + " = " + print(value, params));
      return this;
    }

    Call withWord(String key, String word) {
      arguments.add(key + " = " + word);
      return this;
    }

    @Override
    public String toString() {
      return verb + "(" + String.join(", ", arguments) + ")";
    }
  }
}
