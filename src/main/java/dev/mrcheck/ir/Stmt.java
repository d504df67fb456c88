package dev.mrcheck.ir;

import java.util.List;

/** What a CFG node does. Only what matters to the memory API survives lowering. */
public sealed interface Stmt {
  SourceLoc loc();

  /**
   * A call by name, or through a field ({@link #throughField}). {@code result} is where the
   * returned value is stored, if anywhere ({@code sec = memory_region_find(...)}). Nested calls in
   * arguments are emitted as their own {@code Call} nodes first, in evaluation order, and also
   * appear as {@link Value.CallResult}.
   */
  record Call(String callee, List<Value> args, AccessPath result, SourceLoc loc, AccessPath through)
      implements Stmt {
    public Call {
      args = List.copyOf(args);
    }

    public Call(String callee, List<Value> args, AccessPath result, SourceLoc loc) {
      this(callee, args, result, loc, null);
    }

    /**
     * A call through a function pointer held in a field ({@code k->init(s)}, {@code
     * groups[i].size_init(...)}): {@code through} is that field's path and {@code callee} its C
     * text, which names no function. The analysis resolves it to the functions assigned to the
     * field.
     */
    public static Call throughField(
        AccessPath through, List<Value> args, AccessPath result, SourceLoc loc) {
      return new Call(through.toString(), args, result, loc, through);
    }
  }

  /**
   * {@code target = value}: local aliases ({@code mr = &s->mmio}) and class hook assignments
   * ({@code dc->realize = f}).
   */
  record Assign(AccessPath target, Value value, SourceLoc loc) implements Stmt {}

  /** The branch taken: {@code cond} held ({@code holds == true}) or did not. */
  record Assume(Value cond, boolean holds, SourceLoc loc) implements Stmt {}

  record Return(Value value, SourceLoc loc) implements Stmt {}
}
