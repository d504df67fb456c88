package dev.mrcheck.analysis;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * QEMU's intrusive lists (qemu/queue.h): insertion macros and the link fields the FOREACH macros
 * walk. Elements of one list are summarized as one abstract element, like array elements.
 */
final class QemuLists {
  static final String ELEMENT = "[elem]";
  private static final Pattern INSERT =
      Pattern.compile("Q(S?LIST|SIMPLEQ|TAILQ)_INSERT_(HEAD|TAIL)(_RCU)?");
  private static final Set<String> HEAD_LINKS =
      Set.of("lh_first", "slh_first", "sqh_first", "tqh_first");
  private static final Set<String> NEXT_LINKS =
      Set.of("le_next", "sle_next", "sqe_next", "tqe_next");

  private QemuLists() {}

  static boolean isInsert(String callee) {
    return INSERT.matcher(callee).matches();
  }

  static boolean isHeadLink(String field) {
    return HEAD_LINKS.contains(field);
  }

  static boolean isNextLink(String field) {
    return NEXT_LINKS.contains(field);
  }
}
