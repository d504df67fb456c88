package dev.mrcheck.bench;

import java.util.List;
import java.util.Random;

/** The comment block every QEMU file starts with. */
final class Preamble {
  private static final List<String> AUTHORS =
      List.of(
          "Example Systems Ltd",
          "Imaginary Silicon Inc",
          "The Bench Project Authors",
          "Placeholder Semiconductors",
          "Synthetic Devices GmbH");

  static void license(CWriter w, Random random, String what) {
    w.line("/*");
    w.line(" * " + what);
    w.line(" *");
    w.line(
        " * Copyright (c) "
            + (2008 + random.nextInt(17))
            + " "
            + AUTHORS.get(random.nextInt(AUTHORS.size())));
    w.line(" *");
    w.line(" * SPDX-License-Identifier: GPL-2.0-or-later");
    w.line(" */");
    w.blank();
  }

  private Preamble() {}
}
