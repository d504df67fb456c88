package dev.mrcheck.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The effect verbs of the model language, one per {@link Operation} record. Each verb takes exactly
 * one positional operand (what it acts on) followed by named arguments; this table is what the
 * binder checks calls against and what the printer writes back.
 */
enum Verb {
  INIT(
      "init",
      "region",
      Verb::init,
      Param.required("owner", ValueType.OWNER),
      Param.required("kind", ValueType.KIND),
      Param.optional("target", ValueType.OPERAND)),
  MAP(
      "map",
      "region",
      a -> new Operation.Map<>(a.subject(), a.operand("into"), a.role("undone_before")),
      Param.required("into", ValueType.OPERAND),
      Param.optional("undone_before", ValueType.ROLE)),
  UNMAP(
      "unmap",
      "region",
      a -> new Operation.Unmap<>(a.subject(), a.operand("from")),
      Param.optional("from", ValueType.OPERAND)),
  REF(
      "ref",
      "target",
      a -> new Operation.Ref<>(a.subject(), a.flag("object", false)),
      Param.optional("object", ValueType.FLAG)),
  UNREF("unref", "target", a -> new Operation.Unref<>(a.subject())),
  UNPARENT("unparent", "target", a -> new Operation.Unparent<>(a.subject())),
  FREE(
      "free",
      "target",
      a -> new Operation.Free<>(a.subject(), a.flag("rcu", false), false),
      Param.optional("rcu", ValueType.FLAG)),
  KEEPS("keeps", "target", a -> new Operation.Keeps<>(a.subject())),
  AS_INIT(
      "as_init",
      "address_space",
      a -> new Operation.AddressSpaceInit<>(a.subject(), a.operand("root")),
      Param.required("root", ValueType.OPERAND)),
  AS_DESTROY(
      "as_destroy",
      "address_space",
      a -> new Operation.AddressSpaceDestroy<>(a.subject(), a.flag("frees", false)),
      Param.optional("frees", ValueType.FLAG)),
  AS_MAP(
      "as_map",
      "address_space",
      a ->
          new Operation.AddressSpaceMap<>(
              a.subject(), a.has("result") ? a.operand("result") : new Operand.Result(null), null),
      Param.optional("result", ValueType.OPERAND)),
  AS_UNMAP("as_unmap", "mapping", a -> new Operation.AddressSpaceUnmap<>(a.subject())),
  FIND("find", "reference", a -> new Operation.Find<>(a.subject())),
  RETURNS("returns", "target", a -> new Operation.Returns<>(a.subject())),
  TESTS_MAPPED("tests_mapped", "region", a -> new Operation.TestsMapped<>(a.subject())),
  DEVICE_OWNER("device_owner", "owner", a -> new Operation.DeviceOwner<>(a.subject())),
  REPORTS_ERROR("reports_error", "errp", a -> new Operation.ReportsError<>(a.subject())),
  REGISTERS(
      "registers",
      "target",
      a -> new Operation.Registers<>(a.subject(), a.operand("with")),
      Param.required("with", ValueType.OPERAND));

  /** {@code init}: only an alias has a target, and an alias must have one. */
  private static Operation<Operand> init(Arguments args) {
    RegionKind kind = args.kind("kind");
    if (kind == RegionKind.ALIAS && !args.has("target")) {
      args.reject("kind", "an alias needs its aliased region: add target = <parameter>");
    } else if (kind != RegionKind.ALIAS && args.has("target")) {
      args.reject("target", "target is only meaningful for kind = alias");
    }
    return new Operation.Init<>(
        args.subject(), args.operand("owner"), kind, args.operand("target"));
  }

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

    /**
     * Reports a problem that involves several arguments, at {@code key} (or at the verb when
     * absent).
     */
    void reject(String key, String message);
  }

  private final String modelName;
  private final String subjectName;
  private final List<Param> params;
  private final Function<Arguments, Operation<Operand>> builder;

  Verb(
      String modelName,
      String subjectName,
      Function<Arguments, Operation<Operand>> builder,
      Param... params) {
    this.modelName = modelName;
    this.subjectName = subjectName;
    this.builder = builder;
    this.params = List.of(params);
  }

  /** The effect for checked arguments; may {@link Arguments#reject} a combination of them. */
  Operation<Operand> build(Arguments args) {
    return builder.apply(args);
  }

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
