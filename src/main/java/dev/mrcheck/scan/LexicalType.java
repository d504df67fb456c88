package dev.mrcheck.scan;

import java.util.List;
import java.util.Map;

/**
 * A QOM type registration read from a file's text without a parse (see {@link LexicalTypeInfo}).
 * {@code hooks} holds the instance hooks ({@code instance_init}, {@code instance_finalize}) that
 * name a function with external linkage: a static one lives in this unparsed file, so it reaches no
 * API and is no function of the program. {@code classHooks} are the hook fields its class_init sets
 * to such a function; the scan maps them to roles with the model. {@code line} is where the
 * registration starts.
 */
record LexicalType(
    String name,
    String parent,
    String instanceStruct,
    Map<String, String> hooks,
    List<ClassHookWrite> classHooks,
    boolean isAbstract,
    boolean neverUnplugged,
    int line) {
  LexicalType {
    hooks = Map.copyOf(hooks);
    classHooks = List.copyOf(classHooks);
  }

  /** {@code k->exit = f} in a class_init, with {@code k} declared as {@code classType *k}. */
  record ClassHookWrite(String classType, String field, String function) {}
}
