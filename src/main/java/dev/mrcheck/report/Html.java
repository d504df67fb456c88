package dev.mrcheck.report;

/** HTML text and attribute escaping for the HTML report (and the SVG inside it). */
final class Html {
  private Html() {}

  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Tab stays (source excerpts keep their indentation); other controls are shown escaped.
          if (c == '\t') b.append(c);
          else VisibleText.append(b, c);
        }
      }
    }
    return b.toString();
  }
}
