// OK: MR002 the window is deleted on every path that reaches the unparent
/*
 * PCI storage controller with a legacy I/O window.  exit takes different
 * routes depending on the controller mode, but each route deletes the
 * window from the bus I/O space before the common unparent.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_EVERYPATH "everypath-hba"
OBJECT_DECLARE_SIMPLE_TYPE(EverypathState, EVERYPATH)

enum {
    EVERYPATH_MODE_LEGACY,
    EVERYPATH_MODE_NATIVE,
};

struct EverypathState {
    PCIDevice parent_obj;

    MemoryRegion compat_io;
    int mode;
    bool irq_raised;
};

static uint64_t everypath_io_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0xff;
}

static void everypath_io_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
}

static const MemoryRegionOps everypath_io_ops = {
    .read = everypath_io_read,
    .write = everypath_io_write,
};

static void everypath_realize(PCIDevice *pdev, Error **errp)
{
    EverypathState *s = EVERYPATH(pdev);

    memory_region_init_io(&s->compat_io, OBJECT(s), &everypath_io_ops, s,
                          "everypath-compat", 8);
    memory_region_add_subregion(pci_address_space_io(pdev), 0x1f0,
                                &s->compat_io);
}

static void everypath_exit(PCIDevice *pdev)
{
    EverypathState *s = EVERYPATH(pdev);

    if (s->mode == EVERYPATH_MODE_LEGACY) {
        memory_region_del_subregion(pci_address_space_io(pdev),
                                    &s->compat_io);
        if (s->irq_raised) {
            pci_irq_deassert(pdev);
        }
    } else {
        s->mode = EVERYPATH_MODE_LEGACY;
        memory_region_del_subregion(pci_address_space_io(pdev),
                                    &s->compat_io);
    }
    object_unparent(OBJECT(&s->compat_io));
}

static void everypath_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = everypath_realize;
    k->exit = everypath_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1208;
    k->class_id = PCI_CLASS_STORAGE_OTHER;
}

static const TypeInfo everypath_info = {
    .name          = TYPE_EVERYPATH,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(EverypathState),
    .class_init    = everypath_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void everypath_register_types(void)
{
    type_register_static(&everypath_info);
}

type_init(everypath_register_types)
