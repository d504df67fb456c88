#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "hw/sysbus.h"
#include "system/address-spaces.h"
#include "system/memory.h"

/*
 * Realize error paths. qdev never unrealizes a device whose realize failed: device_add unparents
 * it at once, so what a failing realize leaves mapped or referenced is held for good, and unrealize
 * code never meets that state. A board device that fails to realize stops the machine instead.
 */

typedef struct ProbeCardState {
    PCIDevice parent_obj;
    MemoryRegion window;
    MemoryRegion mmio;
    bool present;
} ProbeCardState;

OBJECT_DECLARE_SIMPLE_TYPE(ProbeCardState, PROBE_CARD)
#define TYPE_PROBE_CARD "probe-card"

static const MemoryRegionOps probe_card_ops;

static bool probe_card_detect(ProbeCardState *s)
{
    return s->present;
}

/* The probe window is mapped only while realize looks for the option ROM. */
static void probe_card_realize(PCIDevice *pdev, Error **errp)
{
    ProbeCardState *s = PROBE_CARD(pdev);

    memory_region_init_io(&s->window, OBJECT(s), &probe_card_ops, s, "probe-card.window", 0x1000);
    // BUG(legacy,current): MR005 a failing realize returns without unmapping it
    memory_region_add_subregion(get_system_memory(), 0xfeb00000, &s->window);
    if (!probe_card_detect(s)) {
        error_setg(errp, "probe-card: no option ROM behind the window");
        return;
    }
    memory_region_del_subregion(get_system_memory(), &s->window);

    memory_region_init_io(&s->mmio, OBJECT(s), &probe_card_ops, s, "probe-card.mmio", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
}

static void probe_card_exit(PCIDevice *pdev)
{
    ProbeCardState *s = PROBE_CARD(pdev);

    // OK: MR002 unrealize only follows the realize that deleted the window
    object_unparent(OBJECT(&s->window));
}

static void probe_card_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = probe_card_realize;
    k->exit = probe_card_exit;
}

/* A reference taken for the duration of the device, dropped at exit, but not when realize fails. */
typedef struct PinCardState {
    PCIDevice parent_obj;
    MemoryRegion regs;
    uint32_t version;
} PinCardState;

OBJECT_DECLARE_SIMPLE_TYPE(PinCardState, PIN_CARD)
#define TYPE_PIN_CARD "pin-card"

static void pin_card_realize(PCIDevice *pdev, Error **errp)
{
    PinCardState *s = PIN_CARD(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &probe_card_ops, s, "pin-card.regs", 0x100);
    // BUG: MR001 not dropped before a failing realize returns
    memory_region_ref(&s->regs);
    if (s->version > 2) {
        error_setg(errp, "pin-card: unsupported version %u", s->version);
        return;
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
}

static void pin_card_exit(PCIDevice *pdev)
{
    PinCardState *s = PIN_CARD(pdev);

    memory_region_unref(&s->regs);
}

static void pin_card_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pin_card_realize;
    k->exit = pin_card_exit;
}

/* The error path undoes the mapping before it propagates the error: nothing is left behind. */
typedef struct TidyCardState {
    PCIDevice parent_obj;
    MemoryRegion window;
} TidyCardState;

OBJECT_DECLARE_SIMPLE_TYPE(TidyCardState, TIDY_CARD)
#define TYPE_TIDY_CARD "tidy-card"

static void tidy_card_setup(TidyCardState *s, Error **errp);

static void tidy_card_realize(PCIDevice *pdev, Error **errp)
{
    TidyCardState *s = TIDY_CARD(pdev);
    Error *local_err = NULL;

    memory_region_init_io(&s->window, OBJECT(s), &probe_card_ops, s, "tidy-card.window", 0x1000);
    // OK: MR005 deleted on the error path and at exit
    memory_region_add_subregion(pci_address_space(pdev), 0x10000, &s->window);
    tidy_card_setup(s, &local_err);
    if (local_err) {
        memory_region_del_subregion(pci_address_space(pdev), &s->window);
        error_propagate(errp, local_err);
        return;
    }
}

static void tidy_card_exit(PCIDevice *pdev)
{
    TidyCardState *s = TIDY_CARD(pdev);

    memory_region_del_subregion(pci_address_space(pdev), &s->window);
    // OK: MR002 deleted just above; the failing realize deleted it too
    object_unparent(OBJECT(&s->window));
}

static void tidy_card_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tidy_card_realize;
    k->exit = tidy_card_exit;
}

/* A board device: its realize failing ends the machine, so its error path leaks nothing that matters. */
typedef struct BoardUartState {
    SysBusDevice parent_obj;
    MemoryRegion io;
    bool have_chardev;
} BoardUartState;

OBJECT_DECLARE_SIMPLE_TYPE(BoardUartState, BOARD_UART)
#define TYPE_BOARD_UART "board-uart"

static void board_uart_realize(DeviceState *dev, Error **errp)
{
    BoardUartState *s = BOARD_UART(dev);
    ERRP_GUARD();

    memory_region_init_io(&s->io, OBJECT(s), &probe_card_ops, s, "board-uart.io", 0x8);
    // OK: MR005 not hot-pluggable: a failed realize stops the machine
    memory_region_add_subregion(get_system_io(), 0x3f8, &s->io);
    if (!s->have_chardev) {
        error_setg(errp, "board-uart: chardev property not set");
    }
    if (*errp) {
        return;
    }
}

static void board_uart_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = board_uart_realize;
}

static const TypeInfo failed_realize_types[] = {
    {
        .name = TYPE_PROBE_CARD,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(ProbeCardState),
        .class_init = probe_card_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { INTERFACE_CONVENTIONAL_PCI_DEVICE },
            { },
        },
    }, {
        .name = TYPE_PIN_CARD,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(PinCardState),
        .class_init = pin_card_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { INTERFACE_CONVENTIONAL_PCI_DEVICE },
            { },
        },
    }, {
        .name = TYPE_TIDY_CARD,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(TidyCardState),
        .class_init = tidy_card_class_init,
        .interfaces = (const InterfaceInfo[]) {
            { INTERFACE_CONVENTIONAL_PCI_DEVICE },
            { },
        },
    }, {
        .name = TYPE_BOARD_UART,
        .parent = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(BoardUartState),
        .class_init = board_uart_class_init,
    },
};

DEFINE_TYPES(failed_realize_types)
