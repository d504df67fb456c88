package dev.mrcheck.frontend.java;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which declared types are functional interfaces, and the method through which a value of that type
 * runs the function it holds: a scanned interface with one abstract method ({@link
 * ClassInfo#functionalMethod}), or one of the JDK's ({@code Runnable}, {@code Consumer}, {@code
 * BiConsumer}, {@code Supplier}, {@code Callable}, ...), found by simple name in the packages that
 * hold them. A scanned class of the same simple name wins over the JDK's.
 */
final class FunctionalInterfaces {
  /** The abstract method: a call of it with this many arguments runs the held function. */
  record Abstract(String name, int arity) {}

  private static final List<String> JDK_PACKAGES =
      List.of("java.lang.", "java.util.function.", "java.util.concurrent.");

  private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9_]*");

  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString");

  /** By simple name; few distinct names, the same in every file, so shared by the process. */
  private static final Map<String, Optional<Abstract>> JDK = new ConcurrentHashMap<>();

  private FunctionalInterfaces() {}

  static Optional<Abstract> of(String type, SourceIndex index) {
    Optional<ClassInfo> scanned = index.find(type);
    if (scanned.isPresent()) {
      ClassInfo.MethodInfo m = scanned.get().functionalMethod();
      return m == null ? Optional.empty() : Optional.of(new Abstract(m.name(), m.arity()));
    }
    if (type == null || !TYPE_NAME.matcher(type).matches()) return Optional.empty();
    return JDK.computeIfAbsent(type, FunctionalInterfaces::fromJdk);
  }

  private static Optional<Abstract> fromJdk(String simpleName) {
    for (String pkg : JDK_PACKAGES) {
      Class<?> c;
      try {
        c = Class.forName(pkg + simpleName, false, ClassLoader.getPlatformClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!c.isInterface()) return Optional.empty();
      Method found = null;
      for (Method m : c.getMethods()) {
        if (!Modifier.isAbstract(m.getModifiers()) || OBJECT_METHODS.contains(m.getName()))
          continue;
        if (found != null) return Optional.empty();
        found = m;
      }
      return found == null
          ? Optional.empty()
          : Optional.of(new Abstract(found.getName(), found.getParameterCount()));
    }
    return Optional.empty();
  }
}
