#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

/*
 * A PCI tapdev that builds an address space over a window its host bridge owns, then drops the
 * window while the address space still renders it (the bug). Its exit drops the window again
 * through a shared helper: by then the window has no parent, and object_unparent() does nothing.
 */

#define TYPE_TAPDEV "pci-tapdev"
OBJECT_DECLARE_SIMPLE_TYPE(TapdevState, TAPDEV)

struct TapdevState {
    PCIDevice parent_obj;

    MemoryRegion host_window;    /* owned by the host bridge */
    AddressSpace *snoop_as;
    Object *host;
};

static uint64_t tapdev_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void tapdev_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps tapdev_ops = {
    .read = tapdev_read,
    .write = tapdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void tapdev_drop_window(TapdevState *s)
{
    // OK: MR002 the window was unparented in realize already: a no-op
    object_unparent(OBJECT(&s->host_window));
}

static void tapdev_instance_init(Object *obj)
{
    TapdevState *s = TAPDEV(obj);

    memory_region_init_io(&s->host_window, OBJECT(s->host), &tapdev_ops, s, "tapdev-window", 0x1000);
}

static void tapdev_realize(PCIDevice *pdev, Error **errp)
{
    TapdevState *s = TAPDEV(pdev);

    s->snoop_as = g_new0(AddressSpace, 1);
    // BUG: MR007 is not destroyed at unrealize
    address_space_init(s->snoop_as, &s->host_window, "tapdev-as");
    // BUG: MR002 still be the root of address space
    object_unparent(OBJECT(&s->host_window));
}

static void tapdev_exit(PCIDevice *pdev)
{
    TapdevState *s = TAPDEV(pdev);

    tapdev_drop_window(s);
}

static void tapdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = tapdev_realize;
    k->exit = tapdev_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fa;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo tapdev_info = {
    .name          = TYPE_TAPDEV,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TapdevState),
    .instance_init = tapdev_instance_init,
    .class_init    = tapdev_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void tapdev_register_types(void)
{
    type_register_static(&tapdev_info);
}

type_init(tapdev_register_types)
