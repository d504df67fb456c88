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

#define TYPE_SENSHUB "senshub"
OBJECT_DECLARE_SIMPLE_TYPE(SensHubState, SENSHUB)

typedef struct SensBank {
    uint32_t channels;          /* no QOM object starts with a scalar */
    MemoryRegion window;
} SensBank;

struct SensHubState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion status;
    SensBank *bank;
    SensBank *spare;
};

static const MemoryRegionOps senshub_ops;

/* The owner is whatever the caller passes; here a plain SensBank. */
static void senshub_make_window(void *owner, MemoryRegion *mr, const char *name)
{
    // BUG: MR009 is no QOM object
    memory_region_init_io(mr, OBJECT(owner), &senshub_ops, owner, name, 0x100);
}

/* The same shape with the device itself as owner is right. */
static void senshub_make_own_window(void *opaque, MemoryRegion *mr, const char *name)
{
    // OK: MR009 OBJECT() of the device passed as void *
    memory_region_init_io(mr, OBJECT(opaque), &senshub_ops, opaque, name, 0x100);
}

static void senshub_realize(PCIDevice *pdev, Error **errp)
{
    SensHubState *s = SENSHUB(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &senshub_ops, s, "senshub", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    senshub_make_own_window(s, &s->status, "senshub.status");
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->status);

    s->bank = g_new0(SensBank, 1);
    senshub_make_window(s->bank, &s->bank->window, "senshub.bank");

    s->spare = g_new0(SensBank, 1);
    // BUG: MR009 is no QOM object
    memory_region_init_io(&s->spare->window, OBJECT(s->spare), &senshub_ops, s,
                          "senshub.spare", 0x100);
    // BUG: MR009 itself as owner
    memory_region_init_io(&s->spare->window, OBJECT(&s->spare->window),
                          &senshub_ops, s, "senshub.spare", 0x100);
}

static void senshub_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = senshub_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1304;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo senshub_info = {
    .name          = TYPE_SENSHUB,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SensHubState),
    .class_init    = senshub_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void senshub_register_types(void)
{
    type_register_static(&senshub_info);
}

type_init(senshub_register_types)
