package dev.mrcheck.model;

import dev.mrcheck.ir.SourceLoc;
import java.util.List;

/** The modelled behaviour of one API function, as bound from a model file. */
public record FunctionModel(
    String name, List<String> params, List<Operation<Operand>> effects, SourceLoc definedAt) {
  public FunctionModel {
    params = List.copyOf(params);
    effects = List.copyOf(effects);
  }
}
