/* A PCI device that maps a window into system memory; the helper in win.c unmaps it. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"
#include "win.h"

#define TYPE_LSPDEV "lspdev"
OBJECT_DECLARE_SIMPLE_TYPE(LspDevState, LSPDEV)

struct LspDevState {
    PCIDevice parent_obj;

    MemoryRegion ram;
    LspWindow win;
};

static void lspdev_realize(PCIDevice *pdev, Error **errp)
{
    LspDevState *s = LSPDEV(pdev);

    if (!memory_region_init_ram(&s->ram, OBJECT(s), "lspdev.ram", 0x10000, errp)) {
        return;
    }
    memory_region_init_alias(&s->win.mr, OBJECT(s), "lspdev.win", &s->ram, 0, 0x1000);
    memory_region_add_subregion(get_system_memory(), 0xfe000000, &s->win.mr);
}

static void lspdev_exit(PCIDevice *pdev)
{
    LspDevState *s = LSPDEV(pdev);

    lspwin_unmap(&s->win);
    object_unparent(OBJECT(&s->win.mr));
}

static void lspdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = lspdev_realize;
    k->exit = lspdev_exit;
}

static const TypeInfo lspdev_info = {
    .name          = TYPE_LSPDEV,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LspDevState),
    .class_init    = lspdev_class_init,
};

static void lspdev_register_types(void)
{
    type_register_static(&lspdev_info);
}

type_init(lspdev_register_types)
