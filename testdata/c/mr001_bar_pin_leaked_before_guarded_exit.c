/*
 * PCI device with two BARs.  realize pins BAR 1 twice through a helper
 * and drops one pin: one reference on the device's own region is left
 * over, an owner cycle.  exit only unmaps the doorbell under a flag.
 * The branch in exit must not make the leftover pin disappear: a release
 * in realize says nothing of exit's join.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_BARPIN "barpin"
OBJECT_DECLARE_SIMPLE_TYPE(BarpinState, BARPIN)

struct BarpinState {
    PCIDevice parent_obj;

    MemoryRegion bars[2];
    MemoryRegion doorbell;
    bool doorbell_mapped;
};

static uint64_t barpin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void barpin_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps barpin_ops = {
    .read = barpin_read,
    .write = barpin_write,
};

static void barpin_pin(BarpinState *s)
{
    // BUG: MR001 own region
    memory_region_ref(&s->bars[1]);
}

static void barpin_instance_init(Object *obj)
{
    BarpinState *s = BARPIN(obj);

    memory_region_init_io(&s->bars[1], OBJECT(s), &barpin_ops, s,
                          "barpin-bar1", 0x100);
}

static void barpin_realize(PCIDevice *pdev, Error **errp)
{
    BarpinState *s = BARPIN(pdev);

    barpin_pin(s);
    barpin_pin(s);
    memory_region_unref(&s->bars[1]);
}

static void barpin_exit(PCIDevice *pdev)
{
    BarpinState *s = BARPIN(pdev);

    if (s->doorbell_mapped) {
        memory_region_del_subregion(get_system_memory(), &s->doorbell);
        s->doorbell_mapped = false;
    }
}

static void barpin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = barpin_realize;
    k->exit = barpin_exit;
}

static const TypeInfo barpin_info = {
    .name          = TYPE_BARPIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BarpinState),
    .instance_init = barpin_instance_init,
    .class_init    = barpin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void barpin_register_types(void)
{
    type_register_static(&barpin_info);
}

type_init(barpin_register_types)
