/*
 * A PCI lamp controller keeping plain (non-QOM) descriptors for its lamp
 * groups. Helpers take the descriptor as a typed parameter and create its
 * windows with OBJECT() of it as owner: a plain struct is no QOM object,
 * and one whose first member is the region makes the region its own
 * owner. One window collects several misuses, each at its own line.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_LAMPCTL "lampctl"
OBJECT_DECLARE_SIMPLE_TYPE(LampctlState, LAMPCTL)

typedef struct LampGroup {
    uint32_t count;             /* no QOM object starts with a scalar */
    MemoryRegion window;
} LampGroup;

typedef struct LampScratch {
    MemoryRegion mr;            /* first member: OBJECT(p) is the region */
    uint8_t *buf;
} LampScratch;

struct LampctlState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    LampGroup *group;
    LampScratch *scratch;
};

static const MemoryRegionOps lampctl_ops;

static void lampctl_group_window(LampctlState *s, LampGroup *g)
{
    // BUG: MR009 is no QOM object
    memory_region_init_io(&g->window, OBJECT(g), &lampctl_ops, s,
                          "lampctl.group", 0x100);
    // BUG: MR009 free function
    OBJECT(&g->window)->free = g_free;
}

static void lampctl_scratch_window(LampScratch *sc)
{
    // BUG: MR009 itself as owner
    memory_region_init_ram_ptr(&sc->mr, OBJECT(sc), "lampctl.scratch",
                               0x1000, sc->buf);
    // BUG: MR009 free function
    OBJECT(&sc->mr)->free = g_free;
}

static void lampctl_own_window(LampctlState *s, MemoryRegion *mr)
{
    // OK: MR009 the device, passed as a typed parameter
    memory_region_init_io(mr, OBJECT(s), &lampctl_ops, s, "lampctl.own", 0x100);
}

static void lampctl_realize(PCIDevice *pdev, Error **errp)
{
    LampctlState *s = LAMPCTL(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &lampctl_ops, s, "lampctl", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    s->group = g_new0(LampGroup, 1);
    lampctl_group_window(s, s->group);
    s->scratch = g_new0(LampScratch, 1);
    s->scratch->buf = g_malloc0(0x1000);
    lampctl_scratch_window(s->scratch);
    lampctl_own_window(s, &s->group->window);
}

static void lampctl_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = lampctl_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1312;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo lampctl_info = {
    .name          = TYPE_LAMPCTL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LampctlState),
    .class_init    = lampctl_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void lampctl_register_types(void)
{
    type_register_static(&lampctl_info);
}

type_init(lampctl_register_types)
