package dev.mrcheck.bench;

import java.util.Locale;

/**
 * Every spelling of one generated device's name, derived from its file name the way QEMU spells
 * them: file {@code aspeed-uart2.c}, type string {@code "aspeed-uart2"}, C prefix {@code
 * aspeed_uart2}, macros {@code TYPE_ASPEED_UART2} and {@code ASPEED_UART2}, struct {@code
 * AspeedUart2State}.
 */
record DeviceNames(String subsystem, String base) {

  String prefix() {
    return base.replace('-', '_');
  }

  String upper() {
    return prefix().toUpperCase(Locale.ROOT);
  }

  String typeMacro() {
    return "TYPE_" + upper();
  }

  String state() {
    return camel() + "State";
  }

  String camel() {
    StringBuilder out = new StringBuilder();
    for (String part : base.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  String sourcePath() {
    return "hw/" + subsystem + "/" + base + ".c";
  }

  String headerPath() {
    return "include/hw/" + subsystem + "/" + base + ".h";
  }

  String headerInclude() {
    return "hw/" + subsystem + "/" + base + ".h";
  }

  String guard() {
    return "HW_" + subsystem.replace('-', '_').toUpperCase(Locale.ROOT) + "_" + upper() + "_H";
  }
}
