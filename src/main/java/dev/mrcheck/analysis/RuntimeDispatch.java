package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import java.util.HashSet;
import java.util.Set;

/**
 * Evidence that an uncalled function is device code QEMU dispatches while the device lives, which
 * is what lets a run-time root start from its device's state. Being uncalled is not enough: board
 * tables and ops structs of realize-time helpers call static functions through pointers too.
 * Evidence is one of: an exported function (the device's interface to code outside the scan); the
 * opaque shape of QEMU's callbacks (MemoryRegionOps handlers, timers, bottom halves, IRQ and
 * chardev handlers all get their {@code void *opaque} first); the function handed over as a value
 * in code, assigned to a class hook ({@code k->config_write = f}) or passed to a registration
 * ({@code timer_new_ns(clk, f, s)}, {@code virtio_add_queue(vdev, n, f)}); in Java, a method of the
 * device's own class.
 *
 * <p>A Java lambda or anonymous-class method (file-local, its {@code this} the object that made it)
 * is no method the language dispatches to: it runs where its code hands it over. Stored in a field
 * and handed over nowhere else, it runs only through calls of that field (the framework reads no
 * fields of a Java object), which {@link FieldTargets} resolves: with no such call it never runs.
 * In C, a function stored in a field is a hook or callback some framework calls.
 */
final class RuntimeDispatch {
  private final Set<String> handedOver = new HashSet<>();
  private final Set<String> storedInFields = new HashSet<>();

  /**
   * Assembled from each function's {@link FunctionFacts#handedOver}, {@link
   * FunctionFacts#storedInFields} and {@link FunctionFacts#fieldsHandedOver}, resolved here. A
   * function stored in a field whose value some code hands over (by the field's name, whatever the
   * type) is handed over with it.
   */
  RuntimeDispatch(Program program, FunctionMemo memo) {
    Set<String> fieldsRead = new HashSet<>();
    for (Function f : program.functions()) fieldsRead.addAll(memo.facts(f).fieldsHandedOver());
    for (Function f : program.functions()) {
      FunctionFacts facts = memo.facts(f);
      for (String name : facts.handedOver()) {
        Function target = program.resolve(name, f.file());
        if (target != null) handedOver.add(target.key());
      }
      for (FunctionFacts.FieldStore store : facts.storedInFields()) {
        Function target = program.resolve(store.function(), f.file());
        if (target == null) continue;
        storedInFields.add(target.key());
        if (fieldsRead.contains(store.field())) handedOver.add(target.key());
      }
    }
  }

  /** Whether {@code f} may act on the device whose state arrives in parameter {@code index}. */
  boolean linksDevice(Function f, int index) {
    Param p = f.params().get(index);
    boolean opaqueCallback = index == 0 && "void".equals(p.type());
    // A Java method of the device class: the language dispatches to it, with the device as
    // receiver.
    boolean receiver = index == 0 && "this".equals(p.name());
    if (receiver && f.fileLocal())
      return handedOver.contains(f.key()) || !storedInFields.contains(f.key());
    // Exported with no caller in the scan: the device's interface to boards and other code outside
    // it.
    boolean exported = !f.fileLocal();
    return opaqueCallback
        || receiver
        || exported
        || handedOver.contains(f.key())
        || storedInFields.contains(f.key());
  }
}
