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

#define TYPE_FLATCAP "flatcap"
OBJECT_DECLARE_SIMPLE_TYPE(FlatcapState, FLATCAP)

struct FlatcapState {
    PCIDevice parent_obj;

    MemoryRegion window;
    bool flat;
};

static uint64_t flatcap_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void flatcap_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps flatcap_ops = {
    .read = flatcap_read,
    .write = flatcap_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void flatcap_realize(PCIDevice *pdev, Error **errp)
{
    FlatcapState *s = FLATCAP(pdev);

    if (s->flat) {
        memory_region_init(&s->window, NULL, "flatcap-window", 0x1000);
    } else {
        memory_region_init_io(&s->window, OBJECT(s), &flatcap_ops, s,
                              "flatcap-window", 0x1000);
    }
    // OK: MR006 the device owns it on one branch, nobody on the other: no other object
    // BUG: MR001 owner cycle
    memory_region_ref(&s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->window);
}

static void flatcap_exit(PCIDevice *pdev)
{
}

static void flatcap_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = flatcap_realize;
    k->exit = flatcap_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fc;
    k->class_id = PCI_CLASS_SYSTEM_OTHER;
}

static const TypeInfo flatcap_info = {
    .name          = TYPE_FLATCAP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(FlatcapState),
    .class_init    = flatcap_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void flatcap_register_types(void)
{
    type_register_static(&flatcap_info);
}

type_init(flatcap_register_types)
