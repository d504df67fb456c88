// OK: MR006 foreign ref balanced across realize/exit
/*
 * PCI device that pins another device's exported region in realize and
 * unpins it in exit.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_PROXYOK "proxyok"
OBJECT_DECLARE_SIMPLE_TYPE(ProxyokState, PROXYOK)

struct ProxyokState {
    PCIDevice parent_obj;

    MemoryRegion proxy;
    MemoryRegion *backend;
};

static void proxyok_realize(PCIDevice *pdev, Error **errp)
{
    ProxyokState *s = PROXYOK(pdev);

    if (!s->backend) {
        error_setg(errp, "proxyok: backend link not set");
        return;
    }
    memory_region_ref(s->backend);
    memory_region_init_alias(&s->proxy, OBJECT(s), "proxyok", s->backend, 0,
                             memory_region_size(s->backend));
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->proxy);
}

static void proxyok_exit(PCIDevice *pdev)
{
    ProxyokState *s = PROXYOK(pdev);

    memory_region_unref(s->backend);
}

static void proxyok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = proxyok_realize;
    k->exit = proxyok_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1333;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo proxyok_info = {
    .name          = TYPE_PROXYOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ProxyokState),
    .class_init    = proxyok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void proxyok_register_types(void)
{
    type_register_static(&proxyok_info);
}

type_init(proxyok_register_types)
