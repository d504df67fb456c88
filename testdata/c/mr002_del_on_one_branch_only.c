/*
 * PCI sound card that claims the legacy port range 0x220 in the bus I/O
 * space.  exit only unmaps it when io_claimed is set, but realize mapped
 * it unconditionally: on the other path the region is unparented while
 * still mapped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_ISAWIN "isawin-sound"
OBJECT_DECLARE_SIMPLE_TYPE(IsawinState, ISAWIN)

struct IsawinState {
    PCIDevice parent_obj;

    MemoryRegion legacy_io;
    bool io_claimed;
    uint8_t mixer[16];
};

static uint64_t isawin_io_read(void *opaque, hwaddr addr, unsigned size)
{
    IsawinState *s = opaque;

    return s->mixer[addr & 15];
}

static void isawin_io_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
    IsawinState *s = opaque;

    s->mixer[addr & 15] = val;
    s->io_claimed = true;
}

static const MemoryRegionOps isawin_io_ops = {
    .read = isawin_io_read,
    .write = isawin_io_write,
};

static void isawin_realize(PCIDevice *pdev, Error **errp)
{
    IsawinState *s = ISAWIN(pdev);

    memory_region_init_io(&s->legacy_io, OBJECT(s), &isawin_io_ops, s,
                          "isawin-legacy", 16);
    // BUG(legacy,current): MR005 s->legacy_io
    memory_region_add_subregion(pci_address_space_io(pdev), 0x220,
                                &s->legacy_io);
}

static void isawin_exit(PCIDevice *pdev)
{
    IsawinState *s = ISAWIN(pdev);

    if (s->io_claimed) {
        memory_region_del_subregion(pci_address_space_io(pdev), &s->legacy_io);
        s->io_claimed = false;
    }
    // BUG: MR002
    object_unparent(OBJECT(&s->legacy_io));
}

static void isawin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = isawin_realize;
    k->exit = isawin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1104;
    k->class_id = PCI_CLASS_MULTIMEDIA_AUDIO;
}

static const TypeInfo isawin_info = {
    .name          = TYPE_ISAWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(IsawinState),
    .class_init    = isawin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void isawin_register_types(void)
{
    type_register_static(&isawin_info);
}

type_init(isawin_register_types)
