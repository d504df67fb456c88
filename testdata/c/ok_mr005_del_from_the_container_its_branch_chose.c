/*
 * Hot-pluggable PCI serial card whose FIFO window goes into the I/O or the
 * memory container of its parent bridge object, as a property chose;
 * exit deletes it from the same container under the same test.
 *
 * The analysis does not tell the branches apart: after realize the window
 * may be in either container.  Each delete is from a container the window
 * is in on some path, so it is taken for the one that undoes the mapping.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SERWIN "serwin"
OBJECT_DECLARE_SIMPLE_TYPE(SerwinState, SERWIN)

struct SerwinState {
    PCIDevice parent_obj;

    MemoryRegion io_space;
    MemoryRegion mem_space;
    MemoryRegion fifo;
    Object *bridge;
    bool io_mapped;
};

static uint64_t serwin_fifo_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void serwin_fifo_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
}

static const MemoryRegionOps serwin_fifo_ops = {
    .read = serwin_fifo_read,
    .write = serwin_fifo_write,
};

static void serwin_realize(PCIDevice *pdev, Error **errp)
{
    SerwinState *s = SERWIN(pdev);

    memory_region_init(&s->io_space, s->bridge, "serwin-io", 0x10000);
    memory_region_init(&s->mem_space, s->bridge, "serwin-mem", 0x100000);
    memory_region_init_io(&s->fifo, OBJECT(s), &serwin_fifo_ops, s,
                          "serwin-fifo", 0x10);
    if (s->io_mapped) {
        // OK: MR005 exit deletes it from the container it went into
        memory_region_add_subregion(&s->io_space, 0x3f8, &s->fifo);
    } else {
        // OK: MR005 exit deletes it from the container it went into
        memory_region_add_subregion(&s->mem_space, 0x1000, &s->fifo);
    }
}

static void serwin_exit(PCIDevice *pdev)
{
    SerwinState *s = SERWIN(pdev);

    if (s->io_mapped) {
        memory_region_del_subregion(&s->io_space, &s->fifo);
    } else {
        memory_region_del_subregion(&s->mem_space, &s->fifo);
    }
}

static void serwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = serwin_realize;
    k->exit = serwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1355;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo serwin_info = {
    .name          = TYPE_SERWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SerwinState),
    .class_init    = serwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void serwin_register_types(void)
{
    type_register_static(&serwin_info);
}

type_init(serwin_register_types)
