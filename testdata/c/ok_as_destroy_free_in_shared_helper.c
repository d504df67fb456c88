// OK: MR007 address_space_destroy_free in a helper shared by exit and finalize
/*
 * Teardown helper shared by exit and instance_finalize that destroys and
 * frees the heap address space in one RCU callback, then forgets it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_TWINOK "twinok"
OBJECT_DECLARE_SIMPLE_TYPE(TwinokState, TWINOK)

struct TwinokState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *as;
};

static void twinok_teardown(TwinokState *s)
{
    if (s->as) {
        address_space_destroy_free(s->as);
        s->as = NULL;
    }
}

static void twinok_realize(PCIDevice *pdev, Error **errp)
{
    TwinokState *s = TWINOK(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "twinok", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    s->as = g_new0(AddressSpace, 1);
    address_space_init(s->as, get_system_memory(), "twinok-dma");
}

static void twinok_exit(PCIDevice *pdev)
{
    twinok_teardown(TWINOK(pdev));
}

static void twinok_finalize(Object *obj)
{
    twinok_teardown(TWINOK(obj));
}

static void twinok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = twinok_realize;
    k->exit = twinok_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1322;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo twinok_info = {
    .name          = TYPE_TWINOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TwinokState),
    .instance_finalize = twinok_finalize,
    .class_init    = twinok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void twinok_register_types(void)
{
    type_register_static(&twinok_info);
}

type_init(twinok_register_types)
