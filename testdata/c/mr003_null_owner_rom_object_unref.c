// OK: MR002 the ROM BAR is unmapped by the PCI core before exit
/*
 * PCI NIC that loads its boot ROM into a heap ROM region created without
 * an owner and registered as the expansion ROM BAR.  exit drops it with
 * object_unref(): the region was never reference counted for its users.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_OPTROM "optrom-nic"
OBJECT_DECLARE_SIMPLE_TYPE(OptromState, OPTROM)

struct OptromState {
    PCIDevice parent_obj;

    MemoryRegion *rom;
    uint32_t rom_size;
};

static void optrom_realize(PCIDevice *pdev, Error **errp)
{
    OptromState *s = OPTROM(pdev);

    s->rom = g_new0(MemoryRegion, 1);
    if (!memory_region_init_rom(s->rom, NULL, "optrom.rom", s->rom_size,
                                errp)) {
        return;
    }
    pci_register_bar(pdev, PCI_ROM_SLOT, 0, s->rom);
}

static void optrom_exit(PCIDevice *pdev)
{
    OptromState *s = OPTROM(pdev);

    // BUG: MR003
    object_unref(OBJECT(s->rom));
    s->rom = NULL;
}

static void optrom_instance_init(Object *obj)
{
    OptromState *s = OPTROM(obj);

    s->rom_size = 0x40000;
}

static void optrom_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = optrom_realize;
    k->exit = optrom_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1106;
    k->class_id = PCI_CLASS_NETWORK_ETHERNET;
}

static const TypeInfo optrom_info = {
    .name          = TYPE_OPTROM,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(OptromState),
    .instance_init = optrom_instance_init,
    .class_init    = optrom_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void optrom_register_types(void)
{
    type_register_static(&optrom_info);
}

type_init(optrom_register_types)
