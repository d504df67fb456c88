/*
 * Two PCI DMA engines with a heap address space over system memory and one
 * over their own register container, both destroyed at exit and freed in
 * instance_finalize.  The space over the device's own container holds the
 * device (with the refcount series: the container, which qdev unparents
 * after exit and which then holds the device) until its RCU callback runs,
 * and RCU runs callbacks in the order they were queued.
 *
 * The scatter engine destroys the system-memory space first: its callback
 * runs before the one that lets the device go, so both frees are safe.
 * The gather engine destroys it last: the container space's callback
 * finalizes the device first, and instance_finalize frees the
 * system-memory space while its destroy is still queued.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SCATTERDMA "scatterdma"
OBJECT_DECLARE_SIMPLE_TYPE(ScatterdmaState, SCATTERDMA)

struct ScatterdmaState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *sys_as;
    AddressSpace *regs_as;
};

static void scatterdma_realize(PCIDevice *pdev, Error **errp)
{
    ScatterdmaState *s = SCATTERDMA(pdev);

    memory_region_init(&s->regs, OBJECT(s), "scatterdma.regs", 0x1000);
    s->sys_as = g_new0(AddressSpace, 1);
    address_space_init(s->sys_as, get_system_memory(), "scatterdma.sys");
    s->regs_as = g_new0(AddressSpace, 1);
    address_space_init(s->regs_as, &s->regs, "scatterdma.regs");
}

static void scatterdma_exit(PCIDevice *pdev)
{
    ScatterdmaState *s = SCATTERDMA(pdev);

    address_space_destroy(s->sys_as);
    address_space_destroy(s->regs_as);
}

static void scatterdma_instance_finalize(Object *obj)
{
    ScatterdmaState *s = SCATTERDMA(obj);

    // OK: MR007 queued before the destroy that holds the device
    g_free(s->sys_as);
    g_free(s->regs_as);
}

static void scatterdma_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = scatterdma_realize;
    k->exit = scatterdma_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1343;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo scatterdma_info = {
    .name          = TYPE_SCATTERDMA,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ScatterdmaState),
    .instance_finalize = scatterdma_instance_finalize,
    .class_init    = scatterdma_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

#define TYPE_GATHERDMA "gatherdma"
OBJECT_DECLARE_SIMPLE_TYPE(GatherdmaState, GATHERDMA)

struct GatherdmaState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *sys_as;
    AddressSpace *regs_as;
};

static void gatherdma_realize(PCIDevice *pdev, Error **errp)
{
    GatherdmaState *s = GATHERDMA(pdev);

    memory_region_init(&s->regs, OBJECT(s), "gatherdma.regs", 0x1000);
    s->sys_as = g_new0(AddressSpace, 1);
    address_space_init(s->sys_as, get_system_memory(), "gatherdma.sys");
    s->regs_as = g_new0(AddressSpace, 1);
    address_space_init(s->regs_as, &s->regs, "gatherdma.regs");
}

static void gatherdma_exit(PCIDevice *pdev)
{
    GatherdmaState *s = GATHERDMA(pdev);

    address_space_destroy(s->regs_as);
    address_space_destroy(s->sys_as);
}

static void gatherdma_instance_finalize(Object *obj)
{
    GatherdmaState *s = GATHERDMA(obj);

    // BUG: MR007 right after address_space_destroy(s->sys_as)
    g_free(s->sys_as);
    g_free(s->regs_as);
}

static void gatherdma_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = gatherdma_realize;
    k->exit = gatherdma_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1344;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo gatherdma_info = {
    .name          = TYPE_GATHERDMA,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(GatherdmaState),
    .instance_finalize = gatherdma_instance_finalize,
    .class_init    = gatherdma_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void dmaorder_register_types(void)
{
    type_register_static(&scatterdma_info);
    type_register_static(&gatherdma_info);
}

type_init(dmaorder_register_types)
