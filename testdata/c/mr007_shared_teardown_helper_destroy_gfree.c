/*
 * PCI device whose teardown helper runs from both exit and instance_finalize
 * (whichever comes first).  The helper destroys the heap address space and
 * frees it straight away instead of using address_space_destroy_free().
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_TWINFREE "twinfree"
OBJECT_DECLARE_SIMPLE_TYPE(TwinfreeState, TWINFREE)

struct TwinfreeState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *as;
};

static void twinfree_teardown(TwinfreeState *s)
{
    if (!s->as) {
        return;
    }
    address_space_destroy(s->as);
    // BUG: MR007 right after address_space_destroy
    g_free(s->as);
    s->as = NULL;
}

static void twinfree_realize(PCIDevice *pdev, Error **errp)
{
    TwinfreeState *s = TWINFREE(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "twinfree", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    s->as = g_new0(AddressSpace, 1);
    address_space_init(s->as, get_system_memory(), "twinfree-dma");
}

static void twinfree_exit(PCIDevice *pdev)
{
    twinfree_teardown(TWINFREE(pdev));
}

static void twinfree_finalize(Object *obj)
{
    twinfree_teardown(TWINFREE(obj));
}

static void twinfree_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = twinfree_realize;
    k->exit = twinfree_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1314;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo twinfree_info = {
    .name          = TYPE_TWINFREE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TwinfreeState),
    .instance_finalize = twinfree_finalize,
    .class_init    = twinfree_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void twinfree_register_types(void)
{
    type_register_static(&twinfree_info);
}

type_init(twinfree_register_types)
