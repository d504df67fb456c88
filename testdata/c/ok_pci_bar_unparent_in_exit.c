// OK: MR002 BARs registered with pci_register_bar are unmapped by the PCI core before exit
/*
 * PCI device with an array of BARs (s->bars[i].mr).  exit unparents the
 * BAR regions; the PCI core has already unmapped them from the bus
 * before calling exit, so none of them is mapped any more.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_BAREXIT "barexit"
OBJECT_DECLARE_SIMPLE_TYPE(BarexitState, BAREXIT)

#define BAREXIT_NR_BARS 3

typedef struct BarexitBar {
    MemoryRegion mr;
    uint32_t size;
    uint32_t latch;
} BarexitBar;

struct BarexitState {
    PCIDevice parent_obj;

    BarexitBar bars[BAREXIT_NR_BARS];
};

static uint64_t barexit_read(void *opaque, hwaddr addr, unsigned size)
{
    BarexitBar *bar = opaque;

    return bar->latch;
}

static void barexit_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    BarexitBar *bar = opaque;

    bar->latch = val;
}

static const MemoryRegionOps barexit_ops = {
    .read = barexit_read,
    .write = barexit_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void barexit_realize(PCIDevice *pdev, Error **errp)
{
    BarexitState *s = BAREXIT(pdev);
    int i;

    for (i = 0; i < BAREXIT_NR_BARS; i++) {
        g_autofree char *name = g_strdup_printf("barexit-bar%d", i);

        s->bars[i].size = 0x1000 << i;
        memory_region_init_io(&s->bars[i].mr, OBJECT(s), &barexit_ops,
                              &s->bars[i], name, s->bars[i].size);
        pci_register_bar(pdev, i, PCI_BASE_ADDRESS_SPACE_MEMORY,
                         &s->bars[i].mr);
    }
}

static void barexit_exit(PCIDevice *pdev)
{
    BarexitState *s = BAREXIT(pdev);
    int i;

    for (i = 0; i < BAREXIT_NR_BARS; i++) {
        object_unparent(OBJECT(&s->bars[i].mr));
    }
}

static void barexit_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = barexit_realize;
    k->exit = barexit_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1209;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo barexit_info = {
    .name          = TYPE_BAREXIT,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BarexitState),
    .class_init    = barexit_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void barexit_register_types(void)
{
    type_register_static(&barexit_info);
}

type_init(barexit_register_types)
