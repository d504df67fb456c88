/*
 * Abstract base of a family of PCI display lamps. Its file calls nothing of
 * the memory API, so a scan does not parse it; its class_init still decides
 * that no lamp is ever unplugged, and every lamp inherits that.
 */
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "qom/object.h"
#include "lampbase.h"

static void lampbase_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->class_id = PCI_CLASS_DISPLAY_OTHER;
    set_bit(DEVICE_CATEGORY_DISPLAY, dc->categories);
    dc->hotpluggable = false;
}

static const TypeInfo lampbase_info = {
    .name          = TYPE_LAMPBASE,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LampbaseState),
    .abstract      = true,
    .class_init    = lampbase_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void lampbase_register_types(void)
{
    type_register_static(&lampbase_info);
}

type_init(lampbase_register_types)
