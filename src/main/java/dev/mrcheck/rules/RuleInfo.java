package dev.mrcheck.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's metadata, written once on its class; every report format reads it from here. The long
 * help (bad and good example) is the resource {@code dev/mrcheck/rules/help/<id>.md}.
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

  /**
   * Categories for code-scanning UIs (SARIF {@code properties.tags}): "correctness", "security",
   * CWE references as {@code external/cwe/cwe-416}.
   */
  String[] tags() default {};

  /**
   * GitHub's {@code security-severity}, a CVSS-like score "0.1".."10.0" that ranks a security alert
   * (7.0 and up is high); empty for rules whose findings are not security issues.
   */
  String securitySeverity() default "";
}
