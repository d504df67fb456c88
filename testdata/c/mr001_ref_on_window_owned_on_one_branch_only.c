/*
 * PCI capture device whose window is either a plain container with no
 * owner (the "flat" property, kept for old machine types) or an I/O region
 * the device owns.  realize pins the window with memory_region_ref and
 * exit never drops the pin.  Without the property the reference is on the
 * device itself: an owner cycle.  With it the ref counts nothing.  Neither
 * path takes a reference on another object.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_CAPWIN "capwin"
OBJECT_DECLARE_SIMPLE_TYPE(CapwinState, CAPWIN)

struct CapwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    bool flat;
};

static uint64_t capwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void capwin_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps capwin_ops = {
    .read = capwin_read,
    .write = capwin_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void capwin_realize(PCIDevice *pdev, Error **errp)
{
    CapwinState *s = CAPWIN(pdev);

    if (s->flat) {
        memory_region_init(&s->window, NULL, "capwin-window", 0x1000);
    } else {
        memory_region_init_io(&s->window, OBJECT(s), &capwin_ops, s,
                              "capwin-window", 0x1000);
    }
    // BUG: MR001 owner cycle
    // OK: MR006 owned by the device on one branch, by nobody on the other: no other object is referenced
    memory_region_ref(&s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->window);
}

static void capwin_exit(PCIDevice *pdev)
{
}

static void capwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = capwin_realize;
    k->exit = capwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fc;
    k->class_id = PCI_CLASS_SYSTEM_OTHER;
}

static const TypeInfo capwin_info = {
    .name          = TYPE_CAPWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CapwinState),
    .class_init    = capwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void capwin_register_types(void)
{
    type_register_static(&capwin_info);
}

type_init(capwin_register_types)
