// OK: MR004 instance_finalize only frees the heap struct that held the regions; the unmapping happens in exit
#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"

typedef struct TrapRegion {
    MemoryRegion mem;
    hwaddr base;
} TrapRegion;

typedef struct TrapDevState {
    PCIDevice parent_obj;
    MemoryRegion bar;
    TrapRegion *traps;
    int ntraps;
} TrapDevState;

OBJECT_DECLARE_SIMPLE_TYPE(TrapDevState, TRAP_DEV)
#define TYPE_TRAP_DEV "trap-dev"

static const MemoryRegionOps trapdev_ops;

static void trapdev_realize(PCIDevice *pdev, Error **errp)
{
    TrapDevState *s = TRAP_DEV(pdev);
    int i;

    memory_region_init(&s->bar, OBJECT(s), "trap-dev-bar", 0x4000);
    s->traps = g_new0(TrapRegion, s->ntraps);
    for (i = 0; i < s->ntraps; i++) {
        memory_region_init_io(&s->traps[i].mem, OBJECT(s), &trapdev_ops, s, "trap", 0x100);
        memory_region_add_subregion(&s->bar, 0x100 * i, &s->traps[i].mem);
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void trapdev_exit(PCIDevice *pdev)
{
    TrapDevState *s = TRAP_DEV(pdev);
    int i;

    for (i = 0; i < s->ntraps; i++) {
        memory_region_del_subregion(&s->bar, &s->traps[i].mem);
    }
}

static void trapdev_finalize(Object *obj)
{
    TrapDevState *s = TRAP_DEV(obj);

    g_free(s->traps);
}

static void trapdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = trapdev_realize;
    k->exit = trapdev_exit;
}

static const TypeInfo trapdev_info = {
    .name = TYPE_TRAP_DEV,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TrapDevState),
    .instance_finalize = trapdev_finalize,
    .class_init = trapdev_class_init,
};

static void trapdev_register_types(void)
{
    type_register_static(&trapdev_info);
}

type_init(trapdev_register_types)
