package dev.mrcheck.ir;

import java.util.List;

/**
 * A function stored by a static initializer ({@code static const PCIIOMMUOps ops = {
 * .get_address_space = f }}): the variable, its declared type, the steps from the variable to the
 * field ({@code [get_address_space]}; {@code [*]} for an array element, {@code #2} for the third
 * member of a positional initializer, resolved against the struct's layout by the analysis) and the
 * name the value spells, which the analysis resolves to a function if it is one.
 */
public record TableEntry(
    String variable, String type, List<String> steps, String value, SourceLoc loc) {
  /** The prefix of a positional step: {@code #0} is the struct's first member. */
  public static final String POSITION = "#";

  public TableEntry {
    steps = List.copyOf(steps);
  }
}
