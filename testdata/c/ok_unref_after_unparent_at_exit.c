// OK: MR001 the reference is dropped at exit; memory_region_unref after the unparent still unrefs the owner
/*
 * PCI mailbox that pins its doorbell region while realized.  exit drops
 * the region first and the pin second: memory_region_unref() only reads
 * mr->owner, which the region's finalization leaves in place (the region
 * is embedded in the device, still allocated), so the device's reference
 * is released and unplug frees it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINBOX "pinbox-mailbox"
OBJECT_DECLARE_SIMPLE_TYPE(PinboxState, PINBOX)

struct PinboxState {
    PCIDevice parent_obj;

    MemoryRegion doorbell;
    uint32_t ring;
};

static uint64_t pinbox_read(void *opaque, hwaddr addr, unsigned size)
{
    PinboxState *s = opaque;

    return s->ring;
}

static void pinbox_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    PinboxState *s = opaque;

    s->ring = val;
}

static const MemoryRegionOps pinbox_ops = {
    .read = pinbox_read,
    .write = pinbox_write,
};

static void pinbox_realize(PCIDevice *pdev, Error **errp)
{
    PinboxState *s = PINBOX(pdev);

    memory_region_init_io(&s->doorbell, OBJECT(s), &pinbox_ops, s,
                          "pinbox-doorbell", 4);
    // OK: MR001
    memory_region_ref(&s->doorbell);
}

static void pinbox_exit(PCIDevice *pdev)
{
    PinboxState *s = PINBOX(pdev);

    object_unparent(OBJECT(&s->doorbell));
    memory_region_unref(&s->doorbell);
}

static void pinbox_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinbox_realize;
    k->exit = pinbox_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1103;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinbox_info = {
    .name          = TYPE_PINBOX,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinboxState),
    .class_init    = pinbox_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinbox_register_types(void)
{
    type_register_static(&pinbox_info);
}

type_init(pinbox_register_types)
