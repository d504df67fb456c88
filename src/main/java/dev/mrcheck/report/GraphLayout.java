package dev.mrcheck.report;

import dev.mrcheck.runtime.ObjectGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A layered (Sugiyama-style, much simplified) layout of an object graph, left to right: a node's
 * column is the longest chain of structural edges (owns, mapped in, root of) leading to it, so
 * owners come first, then their regions, the containers those are mapped in, and the address spaces
 * they root. References do not place nodes; they are drawn as curves over the layout. Within a
 * column, nodes are ordered by the mean row of their predecessors, which removes most crossings.
 */
final class GraphLayout {
  static final int NODE_HEIGHT = 34;
  static final int ROW_GAP = 26;
  static final int COLUMN_GAP = 90;
  static final int MARGIN = 24;
  private static final double CHAR_WIDTH = 7.0;

  /** A placed node: top-left corner and size. */
  record Box(ObjectGraph.GraphNode node, double x, double y, double width, double height) {
    double centerY() {
      return y + height / 2;
    }

    double right() {
      return x + width;
    }
  }

  private final Map<String, Box> boxes = new LinkedHashMap<>();
  private final Map<String, Integer> columns = new HashMap<>();
  private double width;
  private double height;

  GraphLayout(ObjectGraph graph) {
    Map<String, Integer> layer = layers(graph);
    int maxLayer = layer.values().stream().max(Integer::compare).orElse(0);
    List<List<ObjectGraph.GraphNode>> cols = new ArrayList<>();
    for (int i = 0; i <= maxLayer; i++) cols.add(new ArrayList<>());
    for (ObjectGraph.GraphNode n : graph.nodes()) cols.get(layer.get(n.id())).add(n);
    order(graph, cols);
    int maxRows = cols.stream().mapToInt(List::size).max().orElse(0);
    double x = MARGIN;
    for (int c = 0; c < cols.size(); c++) {
      List<ObjectGraph.GraphNode> col = cols.get(c);
      double colWidth = col.stream().mapToDouble(GraphLayout::nodeWidth).max().orElse(0);
      double y = MARGIN + (maxRows - col.size()) * (NODE_HEIGHT + ROW_GAP) / 2.0;
      for (ObjectGraph.GraphNode n : col) {
        double w = nodeWidth(n);
        boxes.put(n.id(), new Box(n, x + (colWidth - w) / 2, y, w, NODE_HEIGHT));
        columns.put(n.id(), c);
        y += NODE_HEIGHT + ROW_GAP;
      }
      x += colWidth + COLUMN_GAP;
    }
    // Wide enough for the longest reference label drawn under the boxes.
    double labels =
        graph.edges().stream()
            .mapToDouble(e -> Math.min(60, e.label().length()) * 6.8 + 16)
            .max()
            .orElse(0);
    width = Math.max(Math.max(x - COLUMN_GAP + MARGIN, 2 * MARGIN), labels);
    // Room under the lowest row for back-edge curves and their labels.
    height = MARGIN * 2 + Math.max(1, maxRows) * (NODE_HEIGHT + ROW_GAP) + 30;
  }

  Box box(String id) {
    return boxes.get(id);
  }

  int column(String id) {
    return columns.getOrDefault(id, 0);
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  static double nodeWidth(ObjectGraph.GraphNode n) {
    return Math.max(90, Math.ceil(n.label().length() * CHAR_WIDTH) + 28);
  }

  private static boolean structural(ObjectGraph.GraphEdge e) {
    return e.kind() != ObjectGraph.EdgeKind.REFS;
  }

  /**
   * Longest path over structural edges; a cycle among them stops growing after as many rounds as
   * nodes.
   */
  private static Map<String, Integer> layers(ObjectGraph graph) {
    Map<String, Integer> layer = new HashMap<>();
    for (ObjectGraph.GraphNode n : graph.nodes()) layer.put(n.id(), 0);
    for (int round = 0; round < graph.nodes().size(); round++) {
      boolean changed = false;
      for (ObjectGraph.GraphEdge e : graph.edges()) {
        if (!structural(e)
            || !layer.containsKey(e.from())
            || !layer.containsKey(e.to())
            || e.from().equals(e.to())) continue;
        int want = layer.get(e.from()) + 1;
        if (want > layer.get(e.to()) && want < graph.nodes().size()) {
          layer.put(e.to(), want);
          changed = true;
        }
      }
      if (!changed) break;
    }
    return layer;
  }

  /**
   * Two barycenter sweeps, left to right: a node sits near the mean row of the nodes that lead to
   * it.
   */
  private static void order(ObjectGraph graph, List<List<ObjectGraph.GraphNode>> cols) {
    for (int sweep = 0; sweep < 2; sweep++) {
      Map<String, Integer> row = new HashMap<>();
      for (List<ObjectGraph.GraphNode> col : cols) {
        for (int i = 0; i < col.size(); i++) row.put(col.get(i).id(), i);
      }
      for (int c = 1; c < cols.size(); c++) {
        List<ObjectGraph.GraphNode> col = cols.get(c);
        Map<String, Double> bary = new HashMap<>();
        for (int i = 0; i < col.size(); i++) {
          String id = col.get(i).id();
          double sum = 0;
          int n = 0;
          for (ObjectGraph.GraphEdge e : graph.edges()) {
            if (e.to().equals(id) && structural(e) && row.containsKey(e.from())) {
              sum += row.get(e.from());
              n++;
            }
          }
          bary.put(id, n == 0 ? i : sum / n);
        }
        col.sort(Comparator.comparingDouble(node -> bary.get(node.id())));
        for (int i = 0; i < col.size(); i++) row.put(col.get(i).id(), i);
      }
    }
  }
}
