package dev.mrcheck.scan;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the files that were not parsed still contribute to the program: their type macros, and their
 * QOM types as registrations of their own, concrete unless {@code .abstract} says otherwise, so
 * that a leaf type inheriting every hook from parsed parents is a device whose lifecycle is
 * replayed.
 */
final class LexicalUnit {
  private LexicalUnit() {}

  static TranslationUnit of(
      Map<Path, SourceText> texts, Map<Path, TranslationUnit> units, ApiModel model) {
    Map<String, String> macros = new HashMap<>();
    List<TypeRegistration> types = new ArrayList<>();
    for (Map.Entry<Path, SourceText> e : texts.entrySet()) {
      LexicalIndex idx = e.getValue().index();
      macros.putAll(idx.typeMacros);
      if (units.containsKey(e.getKey())) continue;
      String file = e.getValue().file().relativePath();
      for (LexicalType t : idx.types) types.add(registration(t, file, model));
    }
    return new TranslationUnit(
        "<lexical>", "lexical", 0, List.of(), types, List.of(), macros, List.of());
  }

  private static TypeRegistration registration(LexicalType t, String file, ApiModel model) {
    Map<String, String> hooks = new LinkedHashMap<>(t.hooks());
    for (LexicalType.ClassHookWrite w : t.classHooks()) {
      Optional<Role> role = model.classHook(w.classType(), w.field());
      if (role.isEmpty() && !w.classType().endsWith("Class")) {
        // DEVICE_CLASS(klass)->realize, or a variable whose declaration was not read.
        role = model.classHook("DeviceClass", w.field());
      }
      role.ifPresent(r -> hooks.put(r.modelName(), w.function()));
    }
    Map<String, String> properties = new LinkedHashMap<>();
    if (t.isAbstract()) properties.put("abstract", "true");
    if (t.neverUnplugged()) properties.put("hotpluggable", "false");
    return new TypeRegistration(
        t.name(),
        t.parent(),
        t.instanceStruct(),
        hooks,
        properties,
        SourceLoc.of(file, t.line(), 1));
  }
}
