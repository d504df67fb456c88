package dev.mrcheck.bench;

import java.util.List;
import java.util.Map;

/** Every file of a tree, and for each device header the device source it belongs to. */
record TreePlan(List<FilePlan> files, Map<String, FilePlan> deviceOfHeader) {}
