package dev.mrcheck.model;

import dev.mrcheck.ir.SourceLoc;

/**
 * {@code class PCIDeviceClass { exit = unrealize; }}: assigning a function to that field makes it
 * play the role.
 */
public record ClassHook(String classType, String field, Role role, SourceLoc definedAt) {}
