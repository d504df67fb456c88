package dev.mrcheck.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a {@link RuntimeModel} ever created, in creation order: objects and regions (never
 * removed: a finalized node stays, marked finalized), address spaces and mappings.
 */
final class NodeStore {
  final List<Node> nodes = new ArrayList<>();
  final List<AddressSpace> spaces = new ArrayList<>();
  final List<Mapping> mappings = new ArrayList<>();

  /**
   * {@code /machine/unattached}: the parent of regions whose owner is NULL. Set once, at the
   * model's start.
   */
  QObject unattached;

  <T extends Node> T register(T node) {
    nodes.add(node);
    return node;
  }
}
