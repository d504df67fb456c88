package dev.mrcheck.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The effect verbs of the model language, one per {@link Effect} record. Each verb takes exactly one
 * positional operand (what it acts on) followed by named arguments; this table is what the binder
 * checks calls against and what the printer writes back.
 */
enum Verb {
  INIT("init", "region",
      Param.required("owner", ValueType.OWNER),
      Param.required("kind", ValueType.KIND),
      Param.optional("target", ValueType.OPERAND)) {
    @Override
    Effect build(Arguments args) {
      RegionKind kind = args.kind("kind");
      if (kind == RegionKind.ALIAS && !args.has("target")) {
        args.reject("kind", "an alias needs its aliased region: add target = <parameter>");
      } else if (kind != RegionKind.ALIAS && args.has("target")) {
        args.reject("target", "target is only meaningful for kind = alias");
      }
      return new Effect.Init(args.subject(), args.operand("owner"), kind, args.operand("target"));
    }
  },
  MAP("map", "region",
      Param.required("into", ValueType.OPERAND),
      Param.optional("undone_before", ValueType.ROLE)) {
    @Override
    Effect build(Arguments args) {
      return new Effect.Map(args.subject(), args.operand("into"), args.role("undone_before"));
    }
  },
  UNMAP("unmap", "region", Param.optional("from", ValueType.OPERAND)) {
    @Override
    Effect build(Arguments args) {
      return new Effect.Unmap(args.subject(), args.operand("from"));
    }
  },
  REF("ref", "target") {
    @Override
    Effect build(Arguments args) {
      return new Effect.Ref(args.subject());
    }
  },
  UNREF("unref", "target") {
    @Override
    Effect build(Arguments args) {
      return new Effect.Unref(args.subject());
    }
  },
  UNPARENT("unparent", "target") {
    @Override
    Effect build(Arguments args) {
      return new Effect.Unparent(args.subject());
    }
  },
  FREE("free", "target") {
    @Override
    Effect build(Arguments args) {
      return new Effect.Free(args.subject());
    }
  },
  AS_INIT("as_init", "address_space", Param.required("root", ValueType.OPERAND)) {
    @Override
    Effect build(Arguments args) {
      return new Effect.AddressSpaceInit(args.subject(), args.operand("root"));
    }
  },
  AS_DESTROY("as_destroy", "address_space", Param.optional("frees", ValueType.FLAG)) {
    @Override
    Effect build(Arguments args) {
      return new Effect.AddressSpaceDestroy(args.subject(), args.flag("frees", false));
    }
  },
  AS_MAP("as_map", "address_space", Param.optional("result", ValueType.OPERAND)) {
    @Override
    Effect build(Arguments args) {
      Operand result = args.has("result") ? args.operand("result") : new Operand.Result(null);
      return new Effect.AddressSpaceMap(args.subject(), result);
    }
  },
  AS_UNMAP("as_unmap", "mapping") {
    @Override
    Effect build(Arguments args) {
      return new Effect.AddressSpaceUnmap(args.subject());
    }
  },
  FIND("find", "reference") {
    @Override
    Effect build(Arguments args) {
      return new Effect.Find(args.subject());
    }
  },
  RETURNS("returns", "target") {
    @Override
    Effect build(Arguments args) {
      return new Effect.Returns(args.subject());
    }
  },
  TESTS_MAPPED("tests_mapped", "region") {
    @Override
    Effect build(Arguments args) {
      return new Effect.TestsMapped(args.subject());
    }
  };

  /** What a named argument's value must be. */
  enum ValueType {
    /** A parameter (optionally {@code .field}), {@code return}, or {@code global NAME}. */
    OPERAND,
    /** Like {@link #OPERAND}, or {@code NULL} for "owned by the machine". */
    OWNER,
    /** One of {@link RegionKind#modelName()}. */
    KIND,
    /** One of {@link Role#modelName()}. */
    ROLE,
    /** {@code true} or {@code false}. */
    FLAG
  }

  record Param(String name, ValueType type, boolean required) {
    static Param required(String name, ValueType type) {
      return new Param(name, type, true);
    }

    static Param optional(String name, ValueType type) {
      return new Param(name, type, false);
    }
  }

  /** The checked arguments of one effect, as the binder hands them to {@link #build}. */
  interface Arguments {
    /** The positional operand. */
    Operand subject();

    boolean has(String key);

    /** The operand given for {@code key}; null when absent or {@code NULL}. */
    Operand operand(String key);

    RegionKind kind(String key);

    /** The role given for {@code key}, or null when absent. */
    Role role(String key);

    boolean flag(String key, boolean absent);

    /** Reports a problem that involves several arguments, at {@code key} (or at the verb when absent). */
    void reject(String key, String message);
  }

  private final String modelName;
  private final String subjectName;
  private final List<Param> params;

  Verb(String modelName, String subjectName, Param... params) {
    this.modelName = modelName;
    this.subjectName = subjectName;
    this.params = List.of(params);
  }

  abstract Effect build(Arguments args);

  String modelName() {
    return modelName;
  }

  /** The name the documentation and messages use for the positional operand. */
  String subjectName() {
    return subjectName;
  }

  List<Param> params() {
    return params;
  }

  Optional<Param> param(String key) {
    return params.stream().filter(p -> p.name().equals(key)).findFirst();
  }

  static Optional<Verb> named(String name) {
    return Arrays.stream(values()).filter(v -> v.modelName.equals(name)).findFirst();
  }
}
