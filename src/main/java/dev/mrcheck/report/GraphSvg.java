package dev.mrcheck.report;

import dev.mrcheck.runtime.ObjectGraph;
import java.util.Locale;

/**
 * Draws an {@link ObjectGraph} as inline SVG for the HTML report: owners, regions, containers and
 * address spaces as boxes in layers, structural edges as solid arrows, references as dashed ones,
 * and the edges the finding is about in red with their label. Self-contained: no scripts, no fonts,
 * no external references; ids are prefixed so several drawings can share a page.
 */
final class GraphSvg {
  private GraphSvg() {}

  static String render(ObjectGraph graph, String idPrefix) {
    GraphLayout layout = new GraphLayout(graph);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"object-graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" data-nodes=\"%d\" data-edges=\"%d\" data-highlighted=\"%d\">",
            layout.width(),
            layout.height(),
            layout.width(),
            layout.height(),
            graph.nodes().size(),
            graph.edges().size(),
            graph.highlightedEdges().size()));
    b.append("<title>Object graph replayed by the runtime model</title>");
    b.append("<defs>");
    marker(b, idPrefix + "-arrow", "#475569");
    marker(b, idPrefix + "-arrow-ref", "#7c3aed");
    marker(b, idPrefix + "-arrow-hot", "#dc2626");
    b.append("</defs>");
    int curve = 0;
    for (ObjectGraph.GraphEdge e : graph.edges()) {
      if (!e.highlighted()) edge(b, layout, e, idPrefix, curve++);
    }
    for (ObjectGraph.GraphNode n : graph.nodes()) node(b, layout.box(n.id()));
    // Highlighted edges last, so they are drawn over everything else.
    for (ObjectGraph.GraphEdge e : graph.edges()) {
      if (e.highlighted()) edge(b, layout, e, idPrefix, curve++);
    }
    b.append("</svg>");
    return b.toString();
  }

  private static void marker(StringBuilder b, String id, String color) {
    b.append("<marker id=\"")
        .append(id)
        .append(
            "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" "
                + "markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(color)
        .append("\"/></marker>");
  }

  private static void node(StringBuilder b, GraphLayout.Box box) {
    ObjectGraph.GraphNode n = box.node();
    String kind = n.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String fate = n.fate().name().toLowerCase(Locale.ROOT);
    b.append("<g class=\"node ")
        .append(kind)
        .append(' ')
        .append(fate)
        .append("\" data-id=\"")
        .append(Html.escape(n.id()))
        .append("\" data-kind=\"")
        .append(kind)
        .append("\">");
    b.append("<title>")
        .append(
            Html.escape(
                kindName(n.kind()) + " " + n.label() + " (" + fate + " at the end of the replay)"))
        .append("</title>");
    double rx =
        switch (n.kind()) {
          case OWNER -> 10;
          case ADDRESS_SPACE -> box.height() / 2;
          default -> 2;
        };
    b.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\"/>",
            box.x(),
            box.y(),
            box.width(),
            box.height(),
            rx));
    if (n.kind() == ObjectGraph.NodeKind.CONTAINER) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"inner\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"1\"/>",
              box.x() + 3,
              box.y() + 3,
              box.width() - 6,
              box.height() - 6));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
            box.x() + box.width() / 2,
            box.centerY() + 4,
            Html.escape(n.label())));
    b.append("</g>");
  }

  private static void edge(
      StringBuilder b, GraphLayout layout, ObjectGraph.GraphEdge e, String prefix, int index) {
    GraphLayout.Box from = layout.box(e.from());
    GraphLayout.Box to = layout.box(e.to());
    if (from == null || to == null) return;
    String kind = e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    String marker =
        prefix
            + (e.highlighted()
                ? "-arrow-hot"
                : e.kind() == ObjectGraph.EdgeKind.REFS ? "-arrow-ref" : "-arrow");
    String d;
    double lx;
    double ly;
    int fc = layout.column(e.from());
    int tc = layout.column(e.to());
    if (tc > fc) {
      double x1 = from.right();
      double y1 = from.centerY();
      double x2 = to.x();
      double y2 = to.centerY();
      double dx = (x2 - x1) / 2;
      d =
          String.format(
              Locale.ROOT,
              "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
              x1,
              y1,
              x1 + dx,
              y1,
              x2 - dx,
              y2,
              x2,
              y2);
      lx = (x1 + x2) / 2;
      ly = (y1 + y2) / 2 - 7;
    } else {
      // Back and same-column edges (references closing a cycle) loop below the boxes.
      double x1 = from.x() + from.width() / 2;
      double y1 = from.y() + from.height();
      double x2 = to.x() + to.width() / 2;
      double y2 = to.y() + to.height();
      double dip = 34 + 8 * (index % 3);
      if (from == to) x2 += 12;
      d =
          String.format(
              Locale.ROOT,
              "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f",
              x1,
              y1,
              x1,
              y1 + dip,
              x2,
              y2 + dip,
              x2,
              y2);
      lx = (x1 + x2) / 2;
      ly = Math.max(y1, y2) + dip * 0.75 + 4;
    }
    b.append("<g class=\"edge ")
        .append(kind)
        .append(e.highlighted() ? " highlighted" : "")
        .append("\" data-from=\"")
        .append(Html.escape(e.from()))
        .append("\" data-to=\"")
        .append(Html.escape(e.to()))
        .append("\">");
    b.append("<title>")
        .append(
            Html.escape(
                e.from().substring(e.from().indexOf(':') + 1)
                    + " "
                    + e.label()
                    + " "
                    + e.to().substring(e.to().indexOf(':') + 1)))
        .append("</title>");
    b.append("<path d=\"")
        .append(d)
        .append("\" fill=\"none\" marker-end=\"url(#")
        .append(marker)
        .append(")\"/>");
    if (e.highlighted() || e.kind() == ObjectGraph.EdgeKind.REFS) {
      String label = e.label().length() > 60 ? e.label().substring(0, 57) + "..." : e.label();
      // Keep the label inside the drawing.
      double half = label.length() * 3.4 + 4;
      lx = Math.max(half, Math.min(layout.width() - half, lx));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
              lx,
              ly,
              Html.escape(label)));
    }
    b.append("</g>");
  }

  private static String kindName(ObjectGraph.NodeKind k) {
    return switch (k) {
      case OWNER -> "owner";
      case REGION -> "region";
      case CONTAINER -> "container";
      case ADDRESS_SPACE -> "address space";
    };
  }
}
