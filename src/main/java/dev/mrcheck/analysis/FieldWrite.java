package dev.mrcheck.analysis;

/**
 * A constant written to a field: {@code field} is the field alone (as {@link Fact} guards name
 * tested fields), {@code shown} how the code spells it ({@code s->pinned}), {@code value} the
 * constant ({@code true}, {@code false}, {@code NULL}, a number).
 */
public record FieldWrite(String field, String shown, String value) {}
