package dev.mrcheck.frontend.c;

import org.eclipse.cdt.core.dom.ast.gnu.c.GCCLanguage;
import org.eclipse.cdt.core.dom.parser.IBuiltinBindingsProvider;
import org.eclipse.cdt.core.dom.parser.c.GCCParserExtensionConfiguration;
import org.eclipse.cdt.core.dom.parser.c.ICParserExtensionConfiguration;
import org.eclipse.cdt.core.parser.ParserLanguage;
import org.eclipse.cdt.internal.core.dom.parser.GCCBuiltinSymbolProvider;

/**
 * CDT's GNU C language, except that each parsing thread makes the GCC built-in symbols ({@code
 * __builtin_expect}, {@code __builtin_va_list}, ...: some seven hundred bindings, with their types
 * parsed from strings) once, not once per file: making them was a tenth of the parse of a small
 * file. The provider keeps the bindings it made for its first file and hands the same ones to every
 * later file's scope; only name lookups see them, and they are the same for every file. A
 * long-lived thread (the language server's) keeps its first file's scope reachable through them:
 * one file's syntax tree, for the server's lifetime.
 */
final class SharedBuiltinsLanguage extends GCCLanguage {
  static final SharedBuiltinsLanguage INSTANCE = new SharedBuiltinsLanguage();

  private static final ThreadLocal<IBuiltinBindingsProvider> PROVIDER =
      ThreadLocal.withInitial(() -> new GCCBuiltinSymbolProvider(ParserLanguage.C, true));

  private static final ICParserExtensionConfiguration CONFIGURATION =
      new GCCParserExtensionConfiguration() {
        @Override
        public IBuiltinBindingsProvider getBuiltinBindingsProvider() {
          return PROVIDER.get();
        }
      };

  private SharedBuiltinsLanguage() {}

  @Override
  protected ICParserExtensionConfiguration getParserExtensionConfiguration() {
    return CONFIGURATION;
  }
}
