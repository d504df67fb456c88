// OK: MR002 the shadow RAM is unmapped from the BAR before it is unparented
/*
 * PCI option card that keeps a shadow copy of its firmware in RAM created
 * without an owner.  exit unmaps it properly, then unparents it: an
 * owner-less region is never reference counted, so nothing protects the
 * users that may still hold it (e.g. an in-flight DMA mapping).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SHADOWRAM "shadowram-card"
OBJECT_DECLARE_SIMPLE_TYPE(ShadowramState, SHADOWRAM)

struct ShadowramState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion shadow;
};

static void shadowram_realize(PCIDevice *pdev, Error **errp)
{
    ShadowramState *s = SHADOWRAM(pdev);

    memory_region_init(&s->bar, OBJECT(s), "shadowram-bar", 0x20000);
    if (!memory_region_init_ram(&s->shadow, NULL, "shadowram-shadow", 0x10000,
                                errp)) {
        return;
    }
    memory_region_add_subregion(&s->bar, 0, &s->shadow);
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void shadowram_exit(PCIDevice *pdev)
{
    ShadowramState *s = SHADOWRAM(pdev);

    memory_region_del_subregion(&s->bar, &s->shadow);
    // BUG: MR003
    object_unparent(OBJECT(&s->shadow));
}

static void shadowram_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = shadowram_realize;
    k->exit = shadowram_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1105;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo shadowram_info = {
    .name          = TYPE_SHADOWRAM,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ShadowramState),
    .class_init    = shadowram_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void shadowram_register_types(void)
{
    type_register_static(&shadowram_info);
}

type_init(shadowram_register_types)
