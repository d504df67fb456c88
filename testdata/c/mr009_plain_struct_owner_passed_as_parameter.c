/*
 * A PCI sensor hub that keeps a plain (non-QOM) descriptor per sensor bank
 * on the heap and lets a shared helper create each bank's window, with
 * whatever the caller passes as owner.  OBJECT() of a plain struct aborts in
 * QOM's cast check, whether the helper names it through a typed local or
 * only through its void * parameter.  The same window is then re-created
 * with itself as owner: a second, different misuse of the same region,
 * reported at its own line.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PROBEHUB "probehub"
OBJECT_DECLARE_SIMPLE_TYPE(ProbeHubState, PROBEHUB)

typedef struct ProbeBank {
    uint32_t channels;          /* no QOM object starts with a scalar */
    MemoryRegion window;
} ProbeBank;

struct ProbeHubState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion status;
    ProbeBank *bank;
    ProbeBank *spare;
};

static const MemoryRegionOps probehub_ops;

/* The owner is whatever the caller passes; here a plain ProbeBank. */
static void probehub_make_window(void *owner, MemoryRegion *mr, const char *name)
{
    // BUG: MR009 is no QOM object
    memory_region_init_io(mr, OBJECT(owner), &probehub_ops, owner, name, 0x100);
}

/* The same shape with the device itself as owner is right. */
static void probehub_make_own_window(void *opaque, MemoryRegion *mr, const char *name)
{
    // OK: MR009 OBJECT() of the device passed as void *
    memory_region_init_io(mr, OBJECT(opaque), &probehub_ops, opaque, name, 0x100);
}

static void probehub_realize(PCIDevice *pdev, Error **errp)
{
    ProbeHubState *s = PROBEHUB(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &probehub_ops, s, "probehub", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    probehub_make_own_window(s, &s->status, "probehub.status");
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->status);

    s->bank = g_new0(ProbeBank, 1);
    probehub_make_window(s->bank, &s->bank->window, "probehub.bank");

    s->spare = g_new0(ProbeBank, 1);
    // BUG: MR009 is no QOM object
    memory_region_init_io(&s->spare->window, OBJECT(s->spare), &probehub_ops, s,
                          "probehub.spare", 0x100);
    // BUG: MR009 itself as owner
    memory_region_init_io(&s->spare->window, OBJECT(&s->spare->window),
                          &probehub_ops, s, "probehub.spare", 0x100);
}

static void probehub_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = probehub_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1304;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo probehub_info = {
    .name          = TYPE_PROBEHUB,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ProbeHubState),
    .class_init    = probehub_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void probehub_register_types(void)
{
    type_register_static(&probehub_info);
}

type_init(probehub_register_types)
