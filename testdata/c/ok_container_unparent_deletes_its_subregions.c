/*
 * exit unparents a private container and then the register block that
 * sat in it. Finalizing the container deleted its subregions
 * (memory_region_finalize), so the block is no longer mapped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_NESTDEV "nestdev"
OBJECT_DECLARE_SIMPLE_TYPE(NestdevState, NESTDEV)

struct NestdevState {
    PCIDevice parent_obj;

    MemoryRegion *window;
    MemoryRegion *regs;
};

static uint64_t nestdev_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void nestdev_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
}

static const MemoryRegionOps nestdev_ops = {
    .read = nestdev_read,
    .write = nestdev_write,
};

static void nestdev_realize(PCIDevice *pdev, Error **errp)
{
    NestdevState *s = NESTDEV(pdev);

    s->window = g_new0(MemoryRegion, 1);
    memory_region_init(s->window, OBJECT(s), "nestdev-window", 0x10000);
    s->regs = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->regs, OBJECT(s), &nestdev_ops, s, "nestdev-regs", 0x100);
    // OK: MR001 the container's finalization deletes it, under legacy semantics too
    memory_region_add_subregion(s->window, 0x100, s->regs);
}

static void nestdev_exit(PCIDevice *pdev)
{
    NestdevState *s = NESTDEV(pdev);

    object_unparent(OBJECT(s->window));
    // OK: MR002 no longer mapped: the window's finalization deleted it
    object_unparent(OBJECT(s->regs));
}

static void nestdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = nestdev_realize;
    k->exit = nestdev_exit;
}

static const TypeInfo nestdev_info = {
    .name          = TYPE_NESTDEV,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(NestdevState),
    .class_init    = nestdev_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void nestdev_register_types(void)
{
    type_register_static(&nestdev_info);
}

type_init(nestdev_register_types)
