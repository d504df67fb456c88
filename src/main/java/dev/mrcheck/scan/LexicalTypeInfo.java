package dev.mrcheck.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code TypeInfo} definitions (single or arrays) and what their class_init sets, from text,
 * without parsing function bodies. A leaf type whose file calls nothing of the memory API (it
 * inherits every hook from parents in other files) is never parsed, yet it is a concrete type whose
 * inherited lifecycle runs: this is how the scan still knows it.
 */
final class LexicalTypeInfo {
  private static final Pattern DEFINITION =
      Pattern.compile("\\bTypeInfo\\s+\\w+\\s*(\\[[^\\]]*\\])?\\s*=\\s*\\{");
  private static final Pattern FIELD = Pattern.compile("\\.(\\w+)\\s*=\\s*");
  private static final Pattern SIZEOF =
      Pattern.compile("^sizeof\\s*\\(\\s*(?:struct\\s+)?(\\w+)\\s*\\)$");
  private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_]\\w*$");
  private static final Pattern LOCAL_POINTER =
      Pattern.compile("\\b(\\w+)\\s*\\*\\s*(\\w+)\\s*[=,)]");
  private static final Pattern HOOK_WRITE =
      Pattern.compile(
          "(?:\\b(\\w+)|\\b\\w+\\s*\\(\\s*(\\w+)\\s*\\))\\s*->\\s*(\\w+)\\s*=\\s*(\\w+)\\s*;");
  private static final Pattern NEVER_UNPLUGGED =
      Pattern.compile("->\\s*(hotpluggable|user_creatable)\\s*=\\s*false\\b");

  private static final Pattern STATIC_FUNCTION =
      Pattern.compile("\\bstatic\\b[^;{}()=]*?\\b(\\w+)\\s*\\(");

  private final String text;
  private Set<String> staticFunctions;
  private int lineAt;
  private int line = 1;

  private LexicalTypeInfo(String text) {
    this.text = text;
  }

  static List<LexicalType> read(String text) {
    List<LexicalType> out = new ArrayList<>();
    if (!text.contains("TypeInfo")) return out;
    LexicalTypeInfo reader = new LexicalTypeInfo(text);
    Matcher m = DEFINITION.matcher(text);
    int from = 0;
    while (from < text.length() && LexicalIndex.find(m, text, "TypeInfo", from)) {
      int open = m.end() - 1;
      int close = LexicalIndex.closingBrace(text, open);
      if (m.group(1) == null) {
        reader.element(open, close, out);
      } else {
        for (int i = open + 1; i < close; i++) {
          char c = text.charAt(i);
          if (c == '{') {
            int end = LexicalIndex.closingBrace(text, i);
            reader.element(i, end, out);
            i = end;
          }
        }
      }
      from = close + 1;
    }
    return out;
  }

  /** One registration: the designated fields between {@code open} and {@code close}. */
  private void element(int open, int close, List<LexicalType> out) {
    Map<String, String> fields = new HashMap<>();
    int depth = 0;
    Matcher f = FIELD.matcher(text);
    for (int i = open + 1; i < close; i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '(') depth++;
      else if (c == '}' || c == ')') depth--;
      else if (c == '.' && depth == 0 && f.find(i) && f.start() == i) {
        int valueEnd = valueEnd(f.end(), close);
        fields.putIfAbsent(f.group(1), text.substring(f.end(), valueEnd).trim());
        i = valueEnd - 1;
      }
    }
    String name = fields.get("name");
    if (name == null) return;
    Map<String, String> hooks = new LinkedHashMap<>();
    for (String hook : List.of("instance_init", "instance_finalize")) {
      String fn = fields.get(hook);
      if (fn != null && IDENTIFIER.matcher(fn).matches() && !isStatic(fn)) hooks.put(hook, fn);
    }
    String struct = null;
    String size = fields.get("instance_size");
    if (size != null) {
      Matcher s = SIZEOF.matcher(size);
      if (s.matches()) struct = s.group(1);
    }
    String abstractText = fields.getOrDefault("abstract", "false");
    boolean isAbstract = abstractText.equals("true") || abstractText.equals("1");
    List<LexicalType.ClassHookWrite> classHooks = new ArrayList<>();
    boolean neverUnplugged = false;
    String classInit = fields.get("class_init");
    if (classInit != null && IDENTIFIER.matcher(classInit).matches()) {
      String body = functionBody(classInit);
      if (body != null) {
        neverUnplugged = NEVER_UNPLUGGED.matcher(body).find();
        classHooks = hookWrites(body);
      }
    }
    out.add(
        new LexicalType(
            name,
            fields.get("parent"),
            struct,
            hooks,
            classHooks,
            isAbstract,
            neverUnplugged,
            lineOf(open)));
  }

  /** Where a field's value ends: the next ',' or the closing brace at the field's own depth. */
  private int valueEnd(int from, int close) {
    int depth = 0;
    for (int i = from; i < close; i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '(') depth++;
      else if (c == '}' || c == ')') depth--;
      else if (c == ',' && depth == 0) return i;
      else if (c == '"') i = skipString(i);
    }
    return close;
  }

  private int skipString(int open) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') i++;
      else if (c == '"' || c == '\n') return i;
    }
    return text.length();
  }

  /**
   * The hook fields the class_init body sets to a function with external linkage (a static one is
   * in this unparsed file and reaches nothing), each with the declared type of the class variable.
   */
  private List<LexicalType.ClassHookWrite> hookWrites(String body) {
    Map<String, String> localTypes = new HashMap<>();
    Matcher d = LOCAL_POINTER.matcher(body);
    while (d.find()) localTypes.putIfAbsent(d.group(2), d.group(1));
    List<LexicalType.ClassHookWrite> out = new ArrayList<>();
    Matcher w = HOOK_WRITE.matcher(body);
    while (w.find()) {
      String variable = w.group(1) != null ? w.group(1) : w.group(2);
      String fn = w.group(4);
      if (fn.equals("NULL") || fn.equals("true") || fn.equals("false") || isStatic(fn)) continue;
      out.add(
          new LexicalType.ClassHookWrite(
              w.group(1) != null ? localTypes.getOrDefault(variable, "") : "", w.group(3), fn));
    }
    return out;
  }

  /** Whether this file declares or defines {@code name} as a static function. */
  private boolean isStatic(String name) {
    if (staticFunctions == null) {
      staticFunctions = new HashSet<>();
      Matcher m = STATIC_FUNCTION.matcher(text);
      for (int from = 0; LexicalIndex.find(m, text, "static", from); from = m.end())
        staticFunctions.add(m.group(1));
    }
    return staticFunctions.contains(name);
  }

  /** The body, braces included, of the function {@code name} defined in this file; or null. */
  private String functionBody(String name) {
    int open = LexicalIndex.definitionBody(text, name);
    if (open < 0) return null;
    return text.substring(open, Math.min(LexicalIndex.closingBrace(text, open) + 1, text.length()));
  }

  /** 1-based line of {@code offset}; offsets are asked for in increasing order. */
  private int lineOf(int offset) {
    if (offset < lineAt) {
      lineAt = 0;
      line = 1;
    }
    for (; lineAt < offset; lineAt++) if (text.charAt(lineAt) == '\n') line++;
    return line;
  }
}
