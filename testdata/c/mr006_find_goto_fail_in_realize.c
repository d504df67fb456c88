/*
 * PCI device that shadows a firmware blob found in system memory during
 * realize.  The size check jumps to the error label, which reports the
 * error but forgets the reference memory_region_find() took.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_ROMSHADOW "romshadow"
OBJECT_DECLARE_SIMPLE_TYPE(RomshadowState, ROMSHADOW)

struct RomshadowState {
    PCIDevice parent_obj;

    MemoryRegion rom;
    uint64_t rom_base;
};

static void romshadow_realize(PCIDevice *pdev, Error **errp)
{
    RomshadowState *s = ROMSHADOW(pdev);
    MemoryRegionSection sec;

    // BUG: MR006 memory_region_find
    sec = memory_region_find(get_system_memory(), s->rom_base, 0x10000);
    if (!sec.mr) {
        error_setg(errp, "romshadow: nothing mapped at 0x%" PRIx64, s->rom_base);
        return;
    }
    if (int128_get64(sec.size) < 0x10000) {
        goto fail;
    }
    memory_region_init_rom(&s->rom, OBJECT(s), "romshadow", 0x10000, errp);
    memcpy(memory_region_get_ram_ptr(&s->rom),
           memory_region_get_ram_ptr(sec.mr) + sec.offset_within_region,
           0x10000);
    memory_region_unref(sec.mr);
    pci_register_bar(pdev, 6, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->rom);
    return;

fail:
    error_setg(errp, "romshadow: firmware window too small");
}

static void romshadow_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = romshadow_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1302;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo romshadow_info = {
    .name          = TYPE_ROMSHADOW,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RomshadowState),
    .class_init    = romshadow_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void romshadow_register_types(void)
{
    type_register_static(&romshadow_info);
}

type_init(romshadow_register_types)
