package dev.mrcheck.model;

import dev.mrcheck.ir.SourceLoc;

/**
 * {@code type TYPE_PCI_DEVICE { hotpluggable = true; }} as bound (one per name when a declaration
 * lists several).
 */
public record TypeFact(String typeName, boolean hotpluggable, SourceLoc definedAt) {}
