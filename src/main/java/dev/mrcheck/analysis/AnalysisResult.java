package dev.mrcheck.analysis;

/** What the rules read: devices with their lifecycles, and the region states along each path. Filled in by the analysis. */
public final class AnalysisResult {
}
