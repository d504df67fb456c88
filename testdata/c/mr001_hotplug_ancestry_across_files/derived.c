/*
 * Concrete NIC of the hpbase family (base.c).  Its parent type is only
 * known to be a PCI device through base.c, so it is hot-pluggable; the
 * reference realize takes on its own RX ring region is never dropped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"
#include "hpbase.h"

#define TYPE_HPDERIV "hpderiv-nic"
OBJECT_DECLARE_SIMPLE_TYPE(HpderivState, HPDERIV)

struct HpderivState {
    HpbaseState parent_obj;

    MemoryRegion rx_ring;
    uint32_t rx_head;
};

static void hpderiv_realize(PCIDevice *pdev, Error **errp)
{
    HpderivState *s = HPDERIV(pdev);

    if (!memory_region_init_ram(&s->rx_ring, OBJECT(s), "hpderiv-rx",
                                0x10000, errp)) {
        return;
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->rx_ring);
    // BUG: MR001
    memory_region_ref(&s->rx_ring);
}

static void hpderiv_exit(PCIDevice *pdev)
{
    HpderivState *s = HPDERIV(pdev);

    s->rx_head = 0;
}

static void hpderiv_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = hpderiv_realize;
    k->exit = hpderiv_exit;
    k->device_id = 0x10f4;
}

static const TypeInfo hpderiv_info = {
    .name          = TYPE_HPDERIV,
    .parent        = TYPE_HPBASE,
    .instance_size = sizeof(HpderivState),
    .class_init    = hpderiv_class_init,
};

static void hpderiv_register_types(void)
{
    type_register_static(&hpderiv_info);
}

type_init(hpderiv_register_types)
