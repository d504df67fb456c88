package dev.mrcheck.ir;

/**
 * A field of a struct (C) or class (Java); {@code type} without pointer stars, {@code pointer} if
 * it was one.
 */
public record StructField(
    String struct, String name, String type, boolean pointer, boolean array) {}
