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
      out.append("class ").append(hook.classType()).append(" { ")
          .append(hook.field()).append(" = ").append(hook.role().modelName()).append("; }\n");
    }
    for (HookSetterModel setter : model.hookSetters()) {
      out.append("hook_setter ").append(setter.name()).append('(').append(String.join(", ", setter.params()))
          .append(") = ").append(setter.setter().role().modelName())
          .append('(').append(setter.params().get(setter.setter().functionArg())).append(");\n");
    }
    for (TypeFact type : model.types()) {
      out.append("type \"").append(type.typeName()).append("\" { hotpluggable = ")
          .append(type.hotpluggable()).append("; }\n");
    }
    return out.toString();
  }

  public static String print(FunctionModel function) {
    StringBuilder out = new StringBuilder("function ").append(function.name()).append('(')
        .append(String.join(", ", function.params())).append(") {");
    for (Effect effect : function.effects()) {
      out.append("\n  ").append(print(effect, function.params())).append(';');
    }
    return out.append(function.effects().isEmpty() ? "}" : "\n}").toString();
  }

  /** One effect as the verb call that binds to it, e.g. {@code map(mr, into = global pci_bar)}. */
  static String print(Effect effect, List<String> params) {
    Call call;
    if (effect instanceof Effect.Init e) {
      call = new Call(Verb.INIT, e.region(), params).with("owner", e.owner()).withWord("kind", e.kind().modelName());
      if (e.aliasTarget() != null) {
        call.with("target", e.aliasTarget());
      }
    } else if (effect instanceof Effect.Map e) {
      call = new Call(Verb.MAP, e.region(), params).with("into", e.container());
      if (e.undoneBefore() != null) {
        call.withWord("undone_before", e.undoneBefore().modelName());
      }
    } else if (effect instanceof Effect.Unmap e) {
      call = new Call(Verb.UNMAP, e.region(), params);
      if (e.container() != null) {
        call.with("from", e.container());
      }
    } else if (effect instanceof Effect.Ref e) {
      call = new Call(Verb.REF, e.target(), params);
      if (e.anyObject()) {
        call.withWord("object", "true");
      }
    } else if (effect instanceof Effect.Unref e) {
      call = new Call(Verb.UNREF, e.target(), params);
    } else if (effect instanceof Effect.Unparent e) {
      call = new Call(Verb.UNPARENT, e.target(), params);
    } else if (effect instanceof Effect.Free e) {
      call = new Call(Verb.FREE, e.target(), params);
      if (e.rcu()) {
        call.withWord("rcu", "true");
      }
    } else if (effect instanceof Effect.Keeps e) {
      call = new Call(Verb.KEEPS, e.target(), params);
    } else if (effect instanceof Effect.AddressSpaceInit e) {
      call = new Call(Verb.AS_INIT, e.addressSpace(), params).with("root", e.root());
    } else if (effect instanceof Effect.AddressSpaceDestroy e) {
      call = new Call(Verb.AS_DESTROY, e.addressSpace(), params);
      if (e.frees()) {
        call.withWord("frees", "true");
      }
    } else if (effect instanceof Effect.AddressSpaceMap e) {
      call = new Call(Verb.AS_MAP, e.addressSpace(), params).with("result", e.result());
    } else if (effect instanceof Effect.AddressSpaceUnmap e) {
      call = new Call(Verb.AS_UNMAP, e.mapping(), params);
    } else if (effect instanceof Effect.Find e) {
      call = new Call(Verb.FIND, e.reference(), params);
    } else if (effect instanceof Effect.Returns e) {
      call = new Call(Verb.RETURNS, e.target(), params);
    } else if (effect instanceof Effect.DeviceOwner e) {
      call = new Call(Verb.DEVICE_OWNER, e.owner(), params);
    } else if (effect instanceof Effect.ReportsError e) {
      call = new Call(Verb.REPORTS_ERROR, e.errp(), params);
    } else if (effect instanceof Effect.Registers e) {
      call = new Call(Verb.REGISTERS, e.target(), params).with("with", e.with());
    } else {
      call = new Call(Verb.TESTS_MAPPED, ((Effect.TestsMapped) effect).region(), params);
    }
    return call.toString();
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
