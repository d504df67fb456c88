package dev.mrcheck.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written once on its class; every report format reads it from here. The
 * long help (bad and good example) is the resource {@code dev/mrcheck/rules/help/<id>.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  String id();

  String name();

  Severity severity();

  /** One sentence: what is wrong. */
  String summary();

  /** One paragraph: why it matters and how to fix it. */
  String description();
}
