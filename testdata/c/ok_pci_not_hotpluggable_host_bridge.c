// OK: MR001 no unrealize cleanup needed: the class sets dc->hotpluggable = false
/*
 * Host-bridge PCI function of a chipset.  It is a PCI device, but its
 * class clears dc->hotpluggable, so it is never unplugged: the address
 * space over its own root, the reference on its SMRAM region and the
 * same-owner subregion left in its container can never form a cycle
 * that outlives an unplug.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HOSTBR "hostbr-pci"
OBJECT_DECLARE_SIMPLE_TYPE(HostbrState, HOSTBR)

struct HostbrState {
    PCIDevice parent_obj;

    MemoryRegion smram_root;
    MemoryRegion smram;
    MemoryRegion smram_low;
    AddressSpace smram_as;
};

static void hostbr_realize(PCIDevice *pdev, Error **errp)
{
    HostbrState *s = HOSTBR(pdev);

    memory_region_init(&s->smram_root, OBJECT(s), "hostbr-smram-root",
                       4 * GiB);
    if (!memory_region_init_ram(&s->smram, OBJECT(s), "hostbr-smram",
                                128 * KiB, errp)) {
        return;
    }
    memory_region_init_alias(&s->smram_low, OBJECT(s), "hostbr-smram-low",
                             &s->smram, 0, 128 * KiB);
    memory_region_add_subregion(&s->smram_root, 0xa0000, &s->smram_low);
    address_space_init(&s->smram_as, &s->smram_root, "hostbr-smram");
    memory_region_ref(&s->smram);
}

static void hostbr_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = hostbr_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1201;
    k->class_id = PCI_CLASS_BRIDGE_HOST;
    dc->desc = "hostbr host bridge";
    /* part of the chipset: cannot be unplugged */
    dc->hotpluggable = false;
    dc->user_creatable = false;
}

static const TypeInfo hostbr_info = {
    .name          = TYPE_HOSTBR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HostbrState),
    .class_init    = hostbr_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void hostbr_register_types(void)
{
    type_register_static(&hostbr_info);
}

type_init(hostbr_register_types)
