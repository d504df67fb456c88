package dev.mrcheck.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads API models: the bundled files (packaged from the repository's {@code rules/} directory, in
 * the order of {@code rules/index.txt}) followed by the user's {@code --model} files.
 */
public final class ModelLoader {
  private static final String BUNDLED_RESOURCES = "bundled/";
  private static final String INDEX = "index.txt";

  /** How bundled files are named in messages and {@link FunctionModel#definedAt()}. */
  private static final String BUNDLED_DISPLAY_DIR = "rules/";

  private ModelLoader() {}

  /** The model of the QEMU API and its common wrappers, shipped with mrcheck. */
  public static BoundModel bundled() {
    return Bundled.MODEL;
  }

  /** The bundled model with {@code userFiles} applied in order on top of it. */
  public static BoundModel load(List<Path> userFiles) throws ModelException {
    List<ModelFile> files = new ArrayList<>(Bundled.FILES);
    List<ModelError> errors = new ArrayList<>();
    for (Path path : userFiles) {
      try {
        files.add(parse(path.toString(), read(path)));
      } catch (ModelException e) {
        if (e.errors().isEmpty()) {
          throw e;
        }
        errors.addAll(e.errors());
      }
    }
    if (!errors.isEmpty()) {
      throw new ModelException(errors);
    }
    return BoundModel.of(files);
  }

  /** Parses and binds one model file; {@code path} is only used in positions and messages. */
  public static ModelFile parse(String path, CharSequence text) throws ModelException {
    return ModelBinder.bind(path, ModelSyntax.parse(path, text));
  }

  /** The names of the bundled model files, in load order, as listed in {@code rules/index.txt}. */
  public static List<String> bundledFileNames() {
    return Bundled.NAMES;
  }

  private static String read(Path path) throws ModelException {
    try {
      if (Files.isDirectory(path)) {
        throw new ModelException(path + ": is a directory, not a model file");
      }
      byte[] bytes = Files.readAllBytes(path);
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ModelException(path + ": model file not found");
    } catch (AccessDeniedException e) {
      throw new ModelException(path + ": model file not readable (permission denied)");
    } catch (CharacterCodingException e) {
      throw new ModelException(path + ": model file is not valid UTF-8");
    } catch (IOException e) {
      throw new ModelException(
          path + ": cannot read model file (" + dev.mrcheck.io.IoMessages.reason(e) + ")");
    }
  }

  /** Loaded on first use; the bundled files are tested, so a problem in them is a build bug. */
  private static final class Bundled {
    static final List<String> NAMES = readIndex();
    static final List<ModelFile> FILES = NAMES.stream().map(Bundled::parseBundled).toList();
    static final BoundModel MODEL = BoundModel.of(FILES);

    private static List<String> readIndex() {
      List<String> names = new ArrayList<>();
      for (String line : resource(INDEX).split("\n")) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
      return List.copyOf(names);
    }

    private static ModelFile parseBundled(String name) {
      try {
        return parse(BUNDLED_DISPLAY_DIR + name, resource(name));
      } catch (ModelException e) {
        throw new IllegalStateException("bundled model is broken:\n" + e.getMessage(), e);
      }
    }

    private static String resource(String name) {
      try (InputStream in = ModelLoader.class.getResourceAsStream(BUNDLED_RESOURCES + name)) {
        if (in == null) {
          throw new IllegalStateException("bundled model file missing from the jar: " + name);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
