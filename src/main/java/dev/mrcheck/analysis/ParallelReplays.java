package dev.mrcheck.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs an analysis' replays on as many threads as it has replayers, one replayer a thread. Each
 * replay starts from nothing its replayer kept from the one before ({@link Replayer}), so the
 * results, returned in the order of the tasks, are those of one replayer running them in turn,
 * whichever thread ran which.
 */
final class ParallelReplays {
  /**
   * Stack of a replay thread: calls are followed in place, ten deep, each a worklist over a CFG,
   * and the state joins recurse; as the parse threads', only the pages used are committed.
   */
  private static final long STACK_BYTES = 64L << 20;

  /** One replay, run by whichever replayer takes it. */
  interface Task {
    ReplayCache.Replay on(Replayer replayer);
  }

  private final int threads;
  private final Supplier<Replayer> make;
  private final List<Replayer> replayers = new ArrayList<>();

  ParallelReplays(int threads, Supplier<Replayer> make) {
    this.threads = Math.max(1, threads);
    this.make = make;
  }

  /** Each task's result, in task order; tasks are started in the order of {@code startOrder}. */
  List<ReplayCache.Replay> run(List<Task> tasks, List<Integer> startOrder) {
    int n = Math.min(threads, tasks.size());
    while (replayers.size() < Math.max(1, n)) replayers.add(make.get());
    List<ReplayCache.Replay> results = new ArrayList<>(tasks.size());
    for (int i = 0; i < tasks.size(); i++) results.add(null);
    if (n <= 1) {
      for (int i : startOrder) results.set(i, tasks.get(i).on(replayers.get(0)));
      return results;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      Replayer replayer = replayers.get(w);
      Runnable work =
          () -> {
            try {
              for (int k; (k = next.getAndIncrement()) < tasks.size() && failure.get() == null; ) {
                int i = startOrder.get(k);
                ReplayCache.Replay r = tasks.get(i).on(replayer);
                synchronized (results) {
                  results.set(i, r);
                }
              }
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
            }
          };
      Thread t = new Thread(null, work, "mrcheck-replay", STACK_BYTES);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while replaying", e);
      }
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException re) throw re;
    if (e instanceof Error err) throw err;
    synchronized (results) {
      return results;
    }
  }
}
