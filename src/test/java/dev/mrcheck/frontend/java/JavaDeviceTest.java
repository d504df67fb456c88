package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TypeRegistration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaDeviceTest {

  @Test
  void overriddenLifecycleMethodsAreHooksAndExitIsUnrealizeForPci() {
    Lowered l =
        Lowered.java(
            """
        class Card extends PCIDevice {
          @Override protected void instanceInit() {}
          @Override protected void realize() {}
          @Override protected void exit() {}
          @Override protected void instanceFinalize() {}
        }
        class Uart extends SysBusDevice {
          @Override protected void realize() {}
          protected void exit() {}
        }
        """);
    TypeRegistration card = l.type("Card");
    assertThat(card.parent()).isEqualTo("PCIDevice");
    assertThat(card.instanceStruct()).isEqualTo("Card");
    assertThat(card.hooks())
        .isEqualTo(
            Map.of(
                "instance_init",
                "Card.instanceInit",
                "realize",
                "Card.realize",
                "unrealize",
                "Card.exit",
                "instance_finalize",
                "Card.instanceFinalize"));
    assertThat(card.properties())
        .containsEntry("language", "java")
        .doesNotContainKey("hotpluggable");
    assertThat(l.type("Uart").hooks()).isEqualTo(Map.of("realize", "Uart.realize"));
  }

  @Test
  void unrealizeWinsOverExit() {
    Lowered l =
        Lowered.java(
            """
        class Card extends PCIDevice {
          protected void exit() {}
          protected void unrealize() {}
        }
        """);
    assertThat(l.type("Card").hooks()).containsEntry("unrealize", "Card.unrealize");
  }

  @Test
  void annotatedStaticHooksMakeADeviceEvenWithoutAKnownBase() {
    Lowered l =
        Lowered.java(
            """
        final class Edu {
          @Realize static void edu_realize(MemorySegment pdev, MemorySegment errp) {}
          @Unrealize static void edu_exit(MemorySegment pdev) {}
          @InstanceInit static void edu_init(MemorySegment obj) {}
          @InstanceFinalize static void edu_finalize(MemorySegment obj) {}
        }
        final class NotADevice { void realize() {} }
        """);
    TypeRegistration edu = l.type("Edu");
    assertThat(edu.parent()).isNull();
    assertThat(edu.hooks())
        .isEqualTo(
            Map.of(
                "realize",
                "Edu.edu_realize",
                "unrealize",
                "Edu.edu_exit",
                "instance_init",
                "Edu.edu_init",
                "instance_finalize",
                "Edu.edu_finalize"));
    assertThat(l.unit.types()).extracting(TypeRegistration::name).containsExactly("Edu");
  }

  @Test
  void constantIsHotpluggableBecomesAPropertyAndIsInherited() {
    Lowered l =
        Lowered.java(
            """
        class Fixed extends PCIDevice {
          @Override public boolean isHotpluggable() { return false; }
        }
        class FixedChild extends Fixed {
          @Override protected void realize() {}
        }
        class Computed extends PCIDevice {
          boolean plug;
          @Override public boolean isHotpluggable() { return plug; }
        }
        """);
    assertThat(l.type("Fixed").properties()).containsEntry("hotpluggable", "false");
    assertThat(l.type("FixedChild").properties()).containsEntry("hotpluggable", "false");
    assertThat(l.type("FixedChild").parent()).isEqualTo("Fixed");
    assertThat(l.type("Computed").properties()).doesNotContainKey("hotpluggable");
  }

  @Test
  void theConstructorIsInstanceInitWhenThereIsNoInstanceInitMethod() {
    Lowered l =
        Lowered.java(
            """
        class A extends SysBusDevice {
          MemoryRegion regs = MemoryRegion.io(this, null, "a", 4);
        }
        class B extends SysBusDevice {
          B() {}
          B(int n) {}
          @Override protected void instanceInit() {}
        }
        class C extends SysBusDevice {
          C(int n) {}
        }
        """);
    assertThat(l.type("A").hooks()).containsEntry("instance_init", "A.<init>");
    assertThat(l.type("B").hooks()).containsEntry("instance_init", "B.instanceInit");
    assertThat(l.type("C").hooks()).containsEntry("instance_init", "C.<init>");
    assertThat(l.functionNames()).contains("B.<init>/0", "B.<init>/1");
  }

  @Test
  void hooksInheritedFromAScannedSuperclassAreNamedAfterIt() {
    Lowered l =
        Lowered.java(
            """
        abstract class VirtioBase extends PCIDevice {
          @Override protected void realize() {}
          @Override protected void exit() {}
        }
        class Net extends VirtioBase {
          @Override protected void realize() { super.realize(); }
        }
        """);
    assertThat(l.type("Net").hooks())
        .containsEntry("realize", "Net.realize")
        .containsEntry("unrealize", "VirtioBase.exit");
    assertThat(l.calls("Net.realize")).containsExactly("VirtioBase.realize(this)");
    assertThat(l.type("VirtioBase").parent()).isEqualTo("PCIDevice");
  }

  @Test
  void theBaseClassesThemselvesAreNotDevices() {
    Lowered l =
        Lowered.java(
            """
        abstract class DeviceState { protected void realize() {} }
        abstract class PCIDevice extends DeviceState { protected void exit() {} }
        """);
    assertThat(l.unit.types()).isEmpty();
  }

  @Test
  void fieldsAndRecordComponentsAreStructFields() {
    Lowered l =
        Lowered.java(
            """
        class Dev extends PCIDevice {
          MemoryRegion mmio;
          MemoryRegion[] bars;
          int count;
        }
        record State(MemorySegment mmio, long size) {}
        """);
    assertThat(l.unit.fields())
        .contains(
            new StructField("Dev", "mmio", "MemoryRegion", true, false),
            new StructField("Dev", "bars", "MemoryRegion", true, true),
            new StructField("Dev", "count", "int", false, false),
            new StructField("State", "mmio", "MemorySegment", true, false));
    assertThat(l.unit.language()).isEqualTo("java");
  }
}
