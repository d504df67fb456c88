// OK: MR002 the window is unmapped by a helper in another file (helpers.c) before it is unparented
/*
 * PCI parallel-port card that forwards the legacy LPT port range from the
 * bus I/O space.  exit tears the window down through hwin_region_exit()
 * (helpers.c), which deletes it before unparenting it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HWIN "hwin-lpt"
OBJECT_DECLARE_SIMPLE_TYPE(HwinState, HWIN)

void hwin_region_exit(MemoryRegion *container, MemoryRegion *mr);

struct HwinState {
    PCIDevice parent_obj;

    MemoryRegion lpt_io;
    uint8_t data;
    uint8_t control;
};

static uint64_t hwin_read(void *opaque, hwaddr addr, unsigned size)
{
    HwinState *s = opaque;

    return addr == 0 ? s->data : s->control;
}

static void hwin_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    HwinState *s = opaque;

    if (addr == 0) {
        s->data = val;
    } else {
        s->control = val;
    }
}

static const MemoryRegionOps hwin_ops = {
    .read = hwin_read,
    .write = hwin_write,
};

static void hwin_realize(PCIDevice *pdev, Error **errp)
{
    HwinState *s = HWIN(pdev);

    memory_region_init_io(&s->lpt_io, OBJECT(s), &hwin_ops, s, "hwin-lpt", 3);
    memory_region_add_subregion(pci_address_space_io(pdev), 0x378,
                                &s->lpt_io);
}

static void hwin_exit(PCIDevice *pdev)
{
    HwinState *s = HWIN(pdev);

    hwin_region_exit(pci_address_space_io(pdev), &s->lpt_io);
}

static void hwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = hwin_realize;
    k->exit = hwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x120a;
    k->class_id = PCI_CLASS_COMMUNICATION_PARALLEL;
}

static const TypeInfo hwin_info = {
    .name          = TYPE_HWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HwinState),
    .class_init    = hwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void hwin_register_types(void)
{
    type_register_static(&hwin_info);
}

type_init(hwin_register_types)
