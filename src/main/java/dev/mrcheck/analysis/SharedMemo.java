package dev.mrcheck.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A memo of a pure answer that the replay threads share: two threads asking at once may both
 * compute it, and both then get the one kept first. Unlike a concurrent map's computeIfAbsent, an
 * answer may ask the same memo about another key while it is computed.
 */
final class SharedMemo<K, V> {
  private final Map<K, V> answers = new ConcurrentHashMap<>();

  V get(K key, Function<K, V> compute) {
    V known = answers.get(key);
    if (known != null) return known;
    V computed = compute.apply(key);
    V first = answers.putIfAbsent(key, computed);
    return first != null ? first : computed;
  }
}
