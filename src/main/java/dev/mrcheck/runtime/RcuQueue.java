package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Deferred RCU callbacks, keyed by the rcu_head they use. An address space has one rcu_head: {@code
 * call_rcu1} on a head that is already queued overwrites its function, so only the last callback
 * runs (docs/rules/MR007.md).
 */
final class RcuQueue {
  static final class Pending {
    final AddressSpace head;
    String callback;
    Runnable action;
    final SourceLoc loc;

    Pending(AddressSpace head, String callback, Runnable action, SourceLoc loc) {
      this.head = head;
      this.callback = callback;
      this.action = action;
      this.loc = loc;
    }
  }

  private final Deque<Pending> queue = new ArrayDeque<>();

  /** The callback pending on {@code head}, or null. */
  Pending pendingOn(AddressSpace head) {
    for (Pending p : queue) {
      if (p.head == head) {
        return p;
      }
    }
    return null;
  }

  /** Queues a callback; returns the overwritten one's name, or null if the head was free. */
  String enqueue(AddressSpace head, String callback, Runnable action, SourceLoc loc) {
    Pending existing = pendingOn(head);
    if (existing != null) {
      String lost = existing.callback;
      existing.callback = callback;
      existing.action = action;
      return lost;
    }
    queue.addLast(new Pending(head, callback, action, loc));
    return null;
  }

  void discard(Pending p) {
    queue.remove(p);
  }

  Pending poll() {
    return queue.pollFirst();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }
}
