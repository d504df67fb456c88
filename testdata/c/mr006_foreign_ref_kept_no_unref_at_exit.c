/*
 * PCI device that forwards accesses to a region another device exports
 * (set through a link property).  realize pins that region and keeps the
 * pointer in the device state; exit never unpins it, so the other device's
 * owner stays referenced after hot-unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_WINPROXY "winproxy"
OBJECT_DECLARE_SIMPLE_TYPE(WinproxyState, WINPROXY)

struct WinproxyState {
    PCIDevice parent_obj;

    MemoryRegion proxy;
    MemoryRegion *backend;
};

static void winproxy_realize(PCIDevice *pdev, Error **errp)
{
    WinproxyState *s = WINPROXY(pdev);

    if (!s->backend) {
        error_setg(errp, "winproxy: backend link not set");
        return;
    }
    // BUG: MR006 kept in
    memory_region_ref(s->backend);
    memory_region_init_alias(&s->proxy, OBJECT(s), "winproxy", s->backend, 0,
                             memory_region_size(s->backend));
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->proxy);
}

static void winproxy_exit(PCIDevice *pdev)
{
    WinproxyState *s = WINPROXY(pdev);

    s->backend = NULL;
}

static void winproxy_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = winproxy_realize;
    k->exit = winproxy_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1305;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo winproxy_info = {
    .name          = TYPE_WINPROXY,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(WinproxyState),
    .class_init    = winproxy_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void winproxy_register_types(void)
{
    type_register_static(&winproxy_info);
}

type_init(winproxy_register_types)
