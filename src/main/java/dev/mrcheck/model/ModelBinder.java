package dev.mrcheck.model;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.parser.MrModelParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;

/**
 * Gives meaning to a parsed model file (in the manner of Error Prone's GuardedByBinder): resolves
 * parameter names to argument positions and checks verbs, argument names, kinds, roles and
 * duplicates. Every problem is collected with its position; the file binds only when there is none.
 */
final class ModelBinder {
  private static final String KINDS = namesOf(RegionKind.values());
  private static final String ROLES = namesOf(Role.values());
  private static final String HOTPLUGGABLE = "hotpluggable";

  private final String file;
  private final List<ModelError> errors = new ArrayList<>();
  private final List<FunctionModel> functions = new ArrayList<>();
  private final List<ClassHook> classHooks = new ArrayList<>();
  private final List<HookSetterModel> hookSetters = new ArrayList<>();
  private final List<TypeFact> types = new ArrayList<>();

  /**
   * First definition of each function, class field, hook setter and type, for duplicate messages.
   */
  private final Map<String, SourceLoc> seen = new HashMap<>();

  private ModelBinder(String file) {
    this.file = file;
  }

  static ModelFile bind(String file, MrModelParser.ModelFileContext tree) throws ModelException {
    ModelBinder binder = new ModelBinder(file);
    for (MrModelParser.DeclarationContext declaration : tree.declaration()) {
      binder.declaration(declaration);
    }
    if (!binder.errors.isEmpty()) {
      throw new ModelException(binder.errors);
    }
    return new ModelFile(
        file, binder.functions, binder.classHooks, binder.hookSetters, binder.types);
  }

  private void declaration(MrModelParser.DeclarationContext declaration) {
    if (declaration.functionDecl() != null) {
      function(declaration.functionDecl());
    } else if (declaration.classDecl() != null) {
      classDecl(declaration.classDecl());
    } else if (declaration.hookSetterDecl() != null) {
      hookSetter(declaration.hookSetterDecl());
    } else {
      typeDecl(declaration.typeDecl());
    }
  }

  // ---- function declarations -------------------------------------------------------------

  private void function(MrModelParser.FunctionDeclContext decl) {
    String name = decl.qualifiedName().getText();
    SourceLoc at = loc(decl.qualifiedName().start);
    List<String> params = parameters(decl.parameters());
    Signature signature = new Signature(name, params);
    List<Operation<Operand>> effects = new ArrayList<>();
    for (MrModelParser.EffectContext effect : decl.effect()) {
      effect(effect, signature).ifPresent(effects::add);
    }
    if (firstDefinition("function " + name, "function " + name, at)) {
      functions.add(new FunctionModel(name, params, effects, at));
    }
  }

  /** The parameter names of a function or hook setter; a name given twice is an error. */
  private List<String> parameters(MrModelParser.ParametersContext decl) {
    List<String> names = new ArrayList<>();
    if (decl == null) {
      return names;
    }
    for (MrModelParser.IdentContext param : decl.ident()) {
      String name = param.getText();
      if (names.contains(name)) {
        error(param.start, "parameter '" + name + "' is declared twice");
      }
      names.add(name);
    }
    return names;
  }

  private Optional<Operation<Operand>> effect(
      MrModelParser.EffectContext effect, Signature signature) {
    String verbName = effect.verb.getText();
    Optional<Verb> found = Verb.named(verbName);
    if (found.isEmpty()) {
      List<String> verbs = Arrays.stream(Verb.values()).map(Verb::modelName).toList();
      error(
          effect.verb.start,
          "unknown verb '"
              + verbName
              + "'"
              + Suggestions.didYouMean(verbName, verbs)
              + " (verbs: "
              + String.join(", ", verbs)
              + ")");
      return Optional.empty();
    }
    Verb verb = found.get();
    int errorsBefore = errors.size();
    EffectArguments args = new EffectArguments(verb, effect.verb.start);

    MrModelParser.ArgumentContext subject = null;
    List<MrModelParser.ArgumentContext> written =
        effect.arguments() == null ? List.of() : effect.arguments().argument();
    for (MrModelParser.ArgumentContext arg : written) {
      if (arg.key != null) {
        namedArgument(verb, arg, args, signature);
      } else if (!args.named.isEmpty()) {
        error(
            arg.start,
            "the "
                + verb.subjectName()
                + " of "
                + verb.modelName()
                + " comes first; after a named argument every argument needs a name");
      } else if (subject != null) {
        error(
            arg.start,
            verb.modelName()
                + " takes one unnamed argument (the "
                + verb.subjectName()
                + ")"
                + namedArgumentHint(verb));
      } else {
        subject = arg;
      }
    }
    if (subject == null) {
      error(
          effect.verb.start,
          verb.modelName()
              + " needs the "
              + verb.subjectName()
              + " as its first argument, e.g. "
              + verb.modelName()
              + "("
              + exampleOperand(signature)
              + ")");
    } else {
      // unmap(NULL, from = C): every region the device mapped into C leaves it
      // (pci_unregister_vga).
      args.subject = operand(subject.operand(), signature, verb == Verb.UNMAP);
      if (args.subject == null
          && verb == Verb.UNMAP
          && subject.operand() instanceof MrModelParser.NullOperandContext
          && !args.named.containsKey("from")) {
        error(
            effect.verb.start,
            "unmap(NULL, ...) needs the container: unmap(NULL, from = <container>)");
      }
    }
    for (Verb.Param param : verb.params()) {
      if (param.required()
          && !args.named.containsKey(param.name())
          && !args.misspelt.contains(param.name())) {
        error(
            effect.verb.start,
            verb.modelName()
                + " needs the argument '"
                + param.name()
                + " = "
                + placeholder(param.type())
                + "'");
      }
    }
    if (errors.size() > errorsBefore) {
      return Optional.empty();
    }
    Operation<Operand> built = verb.build(args);
    return errors.size() > errorsBefore ? Optional.empty() : Optional.of(built);
  }

  private void namedArgument(
      Verb verb, MrModelParser.ArgumentContext arg, EffectArguments args, Signature signature) {
    String key = arg.key.getText();
    Optional<Verb.Param> param = verb.param(key);
    if (param.isEmpty()) {
      List<String> keys = verb.params().stream().map(Verb.Param::name).toList();
      Suggestions.closest(key, keys).ifPresent(args.misspelt::add);
      error(
          arg.key.start,
          "unknown argument '"
              + key
              + "' for "
              + verb.modelName()
              + Suggestions.didYouMean(key, keys)
              + (keys.isEmpty()
                  ? " (it takes no named arguments)"
                  : " (it takes " + String.join(", ", keys) + ")"));
      return;
    }
    if (args.named.containsKey(key)) {
      error(arg.key.start, "argument '" + key + "' is given twice");
      return;
    }
    args.keyTokens.put(key, arg.key.start);
    args.named.put(key, value(param.get(), arg.operand(), signature));
  }

  /** The value of a named argument, converted to what its {@link Verb.ValueType} says. */
  private Object value(Verb.Param param, MrModelParser.OperandContext value, Signature signature) {
    return switch (param.type()) {
      case OPERAND -> operand(value, signature, false);
      case OWNER -> operand(value, signature, true);
      case KIND -> word(value, param.name(), KINDS, w -> enumValue(RegionKind.values(), w));
      case ROLE -> word(value, param.name(), ROLES, w -> enumValue(Role.values(), w));
      case FLAG -> word(value, param.name(), "true, false", ModelBinder::flag);
    };
  }

  /**
   * A parameter (with optional fields), {@code return}, {@code global NAME}, or {@code NULL} where
   * an owner is expected (bound to null, the contract's "owner-less"). Returns null after an error
   * too; callers look at the error count.
   */
  private Operand operand(
      MrModelParser.OperandContext operand, Signature signature, boolean nullAllowed) {
    if (operand instanceof MrModelParser.GlobalOperandContext global) {
      return new Operand.Global(global.name.getText());
    }
    if (operand instanceof MrModelParser.ReturnOperandContext result) {
      return new Operand.Result(fieldPath(result.fieldPath()));
    }
    if (operand instanceof MrModelParser.NullOperandContext) {
      if (!nullAllowed) {
        error(
            operand.start,
            "NULL is only allowed as an owner (owner = NULL) and as unmap's region (unmap(NULL, from = C))");
      }
      return null;
    }
    MrModelParser.NameOperandContext name = (MrModelParser.NameOperandContext) operand;
    String param = name.ident().getText();
    int index = signature.params().indexOf(param);
    if (index < 0) {
      String suggestion = Suggestions.didYouMean(param, signature.params());
      error(
          name.start,
          "unknown parameter '"
              + param
              + "' in "
              + signature
              + (suggestion.isEmpty()
                  ? "; for a region outside every device write 'global " + param + "'"
                  : suggestion));
      return null;
    }
    return new Operand.Arg(index, fieldPath(name.fieldPath()));
  }

  /**
   * A bare word such as a kind, role or flag; anything else (a field path, NULL, global) is an
   * error.
   */
  private <T> T word(
      MrModelParser.OperandContext value, String key, String expected, Function<String, T> parse) {
    T parsed =
        value instanceof MrModelParser.NameOperandContext name && name.fieldPath() == null
            ? parse.apply(name.getText())
            : null;
    if (parsed == null) {
      List<String> choices = Arrays.asList(expected.split(", "));
      error(
          value.start,
          "'"
              + value.getText()
              + "' is not a valid "
              + key
              + Suggestions.didYouMean(value.getText(), choices)
              + " (expected one of "
              + expected
              + ")");
    }
    return parsed;
  }

  // ---- class, hook_setter and type declarations ---------------------------------------------

  private void classDecl(MrModelParser.ClassDeclContext decl) {
    String classType = decl.qualifiedName().getText();
    for (MrModelParser.HookFieldContext field : decl.hookField()) {
      String name = field.field.getText();
      Role role = role(field.role);
      SourceLoc at = loc(field.field.start);
      if (firstDefinition(
              "field " + classType + "." + name, "field '" + name + "' of " + classType, at)
          && role != null) {
        classHooks.add(new ClassHook(classType, name, role, at));
      }
    }
  }

  private void hookSetter(MrModelParser.HookSetterDeclContext decl) {
    String name = decl.qualifiedName().getText();
    SourceLoc at = loc(decl.qualifiedName().start);
    List<String> params = parameters(decl.parameters());
    Role role = role(decl.role);
    String hookParam = decl.param.getText();
    int index = params.indexOf(hookParam);
    if (index < 0) {
      error(
          decl.param.start,
          "unknown parameter '"
              + hookParam
              + "' in "
              + new Signature(name, params)
              + Suggestions.didYouMean(hookParam, params));
    }
    if (firstDefinition("hook_setter " + name, "hook_setter " + name, at)
        && role != null
        && index >= 0) {
      hookSetters.add(new HookSetterModel(name, params, new ApiModel.HookSetter(role, index), at));
    }
  }

  private void typeDecl(MrModelParser.TypeDeclContext decl) {
    Boolean hotpluggable = null;
    Token hotpluggableAt = null;
    for (MrModelParser.TypePropertyContext property : decl.typeProperty()) {
      String key = property.key.getText();
      if (!key.equals(HOTPLUGGABLE)) {
        error(
            property.key.start,
            "unknown type property '"
                + key
                + "'"
                + Suggestions.didYouMean(key, List.of(HOTPLUGGABLE))
                + " (the only property is hotpluggable)");
      } else if (hotpluggableAt != null) {
        error(
            property.key.start, "hotpluggable is already set at line " + hotpluggableAt.getLine());
      } else {
        hotpluggableAt = property.key.start;
        hotpluggable = flag(property.value.getText());
        if (hotpluggable == null) {
          error(
              property.value.start,
              "'"
                  + property.value.getText()
                  + "' is not a valid hotpluggable"
                  + " (expected one of true, false)");
        }
      }
    }
    if (hotpluggableAt == null) {
      error(
          decl.start, "a type declaration needs 'hotpluggable = true;' or 'hotpluggable = false;'");
    }
    for (MrModelParser.TypeNameContext typeName : decl.typeName()) {
      String name = typeName.STRING() != null ? unquote(typeName.getText()) : typeName.getText();
      SourceLoc at = loc(typeName.start);
      if (name.isEmpty()) {
        error(typeName.start, "a type name cannot be empty");
      } else if (firstDefinition("type " + name, "type " + name, at) && hotpluggable != null) {
        types.add(new TypeFact(name, hotpluggable, at));
      }
    }
  }

  private Role role(MrModelParser.IdentContext written) {
    Role role = enumValue(Role.values(), written.getText());
    if (role == null) {
      List<String> roles = Arrays.asList(ROLES.split(", "));
      error(
          written.start,
          "unknown role '"
              + written.getText()
              + "'"
              + Suggestions.didYouMean(written.getText(), roles)
              + " (roles: "
              + ROLES
              + ")");
    }
    return role;
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Records the first definition of {@code key}; a second one in the same file is an error. */
  private boolean firstDefinition(String key, String what, SourceLoc at) {
    SourceLoc earlier = seen.putIfAbsent(key, at);
    if (earlier == null) {
      return true;
    }
    errors.add(
        new ModelError(
            file,
            at.line(),
            at.column(),
            what
                + " is already defined at line "
                + earlier.line()
                + " of this file (a later file may replace it, the same file may not)"));
    return false;
  }

  private static String fieldPath(MrModelParser.FieldPathContext path) {
    return path == null ? null : path.getText();
  }

  private static Boolean flag(String word) {
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static <E extends Enum<E>> E enumValue(E[] values, String word) {
    for (E value : values) {
      if (value.name().toLowerCase(Locale.ROOT).equals(word)) {
        return value;
      }
    }
    return null;
  }

  private static String namesOf(Enum<?>[] values) {
    return Arrays.stream(values)
        .map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private static String unquote(String string) {
    return string.substring(1, string.length() - 1);
  }

  private static String placeholder(Verb.ValueType type) {
    return switch (type) {
      case OPERAND -> "<operand>";
      case OWNER -> "<operand or NULL>";
      case KIND -> "<" + KINDS.replace(", ", "|") + ">";
      case ROLE -> "<role>";
      case FLAG -> "<true|false>";
    };
  }

  private static String namedArgumentHint(Verb verb) {
    return verb.params().isEmpty()
        ? ""
        : "; name the others, e.g. "
            + verb.params().get(0).name()
            + " = "
            + placeholder(verb.params().get(0).type());
  }

  private static String exampleOperand(Signature signature) {
    return signature.params().isEmpty() ? "return" : signature.params().get(0);
  }

  private SourceLoc loc(Token token) {
    return SourceLoc.of(file, token.getLine(), token.getCharPositionInLine() + 1);
  }

  private void error(Token token, String message) {
    errors.add(new ModelError(file, token.getLine(), token.getCharPositionInLine() + 1, message));
  }

  /** The function being bound, for resolving operands and for messages: {@code f(a, b)}. */
  private record Signature(String name, List<String> params) {
    @Override
    public String toString() {
      return name + "(" + String.join(", ", params) + ")";
    }
  }

  /** The named arguments of one effect after conversion, handed to {@link Verb#build}. */
  private final class EffectArguments implements Verb.Arguments {
    private final Verb verb;
    private final Token verbToken;
    private final Map<String, Object> named = new LinkedHashMap<>();
    private final Map<String, Token> keyTokens = new HashMap<>();

    /** Keys an unknown key was probably meant to be; not reported again as missing. */
    private final Set<String> misspelt = new HashSet<>();

    private Operand subject;

    EffectArguments(Verb verb, Token verbToken) {
      this.verb = verb;
      this.verbToken = verbToken;
    }

    @Override
    public Operand subject() {
      return subject;
    }

    @Override
    public boolean has(String key) {
      return named.containsKey(key);
    }

    @Override
    public Operand operand(String key) {
      return (Operand) named.get(key);
    }

    @Override
    public RegionKind kind(String key) {
      return (RegionKind) named.get(key);
    }

    @Override
    public Role role(String key) {
      return (Role) named.get(key);
    }

    @Override
    public boolean flag(String key, boolean absent) {
      return has(key) ? (Boolean) named.get(key) : absent;
    }

    @Override
    public void reject(String key, String message) {
      error(keyTokens.getOrDefault(key, verbToken), verb.modelName() + ": " + message);
    }
  }
}
