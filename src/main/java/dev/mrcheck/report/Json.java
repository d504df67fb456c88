package dev.mrcheck.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.io.IOException;
import java.io.Writer;

/**
 * The JSON writer shared by the SARIF and JSON reports: two-space indent, '\n' line ends on every
 * platform, map keys sorted, a final newline. Same input, same bytes.
 */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setAnnotationIntrospector(new SarifInclusion())
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private Json() {}

  static void write(Object value, Writer out) throws IOException {
    WRITER.writeValue(out, value);
    out.write('\n');
  }

  /**
   * java-sarif's classes say {@code NON_DEFAULT}, which keeps the output free of the many -1
   * placeholders but also drops a level equal to the schema's default, so a warning result would
   * lose its level. Levels are always written; everything else keeps NON_DEFAULT.
   */
  private static final class SarifInclusion extends JacksonAnnotationIntrospector {
    private static final String SARIF_PACKAGE = "com.contrastsecurity.sarif";

    @Override
    public JsonInclude.Value findPropertyInclusion(Annotated a) {
      if (a instanceof AnnotatedMember m
          && m.getDeclaringClass().getPackageName().equals(SARIF_PACKAGE)
          && (m.getName().equals("level") || m.getName().equals("getLevel"))) {
        return JsonInclude.Value.construct(
            JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL);
      }
      return super.findPropertyInclusion(a);
    }
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }
}
