package dev.mrcheck.ir;

/**
 * A formal parameter; {@code type} is the declared type name without qualifiers and pointer stars
 * ({@code PCIDevice}).
 */
public record Param(String name, String type) {}
