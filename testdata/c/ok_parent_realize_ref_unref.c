// OK: MR001 ref in realize balanced by unref in unrealize, both installed with device_class_set_parent_*
/*
 * PCI device whose lifecycle hooks are installed with
 * device_class_set_parent_realize/unrealize (chaining to the PCI core).
 * The reference taken in realize is dropped in unrealize.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PREALIZE "prealize-dev"
OBJECT_DECLARE_TYPE(PrealizeState, PrealizeClass, PREALIZE)

struct PrealizeState {
    PCIDevice parent_obj;

    MemoryRegion notify;
    uint32_t pending;
};

struct PrealizeClass {
    PCIDeviceClass parent_class;

    DeviceRealize parent_realize;
    DeviceUnrealize parent_unrealize;
};

static uint64_t prealize_notify_read(void *opaque, hwaddr addr, unsigned size)
{
    PrealizeState *s = opaque;

    return s->pending;
}

static void prealize_notify_write(void *opaque, hwaddr addr, uint64_t val,
                                  unsigned size)
{
    PrealizeState *s = opaque;

    s->pending &= ~val;
}

static const MemoryRegionOps prealize_notify_ops = {
    .read = prealize_notify_read,
    .write = prealize_notify_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void prealize_realize(DeviceState *dev, Error **errp)
{
    PrealizeClass *pc = PREALIZE_GET_CLASS(dev);
    PrealizeState *s = PREALIZE(dev);
    Error *local_err = NULL;

    pc->parent_realize(dev, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return;
    }
    memory_region_init_io(&s->notify, OBJECT(s), &prealize_notify_ops, s,
                          "prealize-notify", 0x1000);
    pci_register_bar(PCI_DEVICE(dev), 0, PCI_BASE_ADDRESS_SPACE_MEMORY,
                     &s->notify);
    memory_region_ref(&s->notify);
}

static void prealize_unrealize(DeviceState *dev)
{
    PrealizeClass *pc = PREALIZE_GET_CLASS(dev);
    PrealizeState *s = PREALIZE(dev);

    memory_region_unref(&s->notify);
    pc->parent_unrealize(dev);
}

static void prealize_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
    PrealizeClass *pc = PREALIZE_CLASS(klass);

    device_class_set_parent_realize(dc, prealize_realize, &pc->parent_realize);
    device_class_set_parent_unrealize(dc, prealize_unrealize,
                                      &pc->parent_unrealize);
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1204;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo prealize_info = {
    .name          = TYPE_PREALIZE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PrealizeState),
    .class_size    = sizeof(PrealizeClass),
    .class_init    = prealize_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void prealize_register_types(void)
{
    type_register_static(&prealize_info);
}

type_init(prealize_register_types)
