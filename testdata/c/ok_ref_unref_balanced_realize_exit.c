// OK: MR001 memory_region_ref/unref pair balanced across realize and exit
/*
 * PCI device that pins its own control region while realized and drops
 * the reference in exit, on every path: no owner cycle after unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_BALREF "balref"
OBJECT_DECLARE_SIMPLE_TYPE(BalrefState, BALREF)

struct BalrefState {
    PCIDevice parent_obj;

    MemoryRegion ctrl;
    uint32_t ctrl_reg;
};

static uint64_t balref_ctrl_read(void *opaque, hwaddr addr, unsigned size)
{
    BalrefState *s = opaque;

    return s->ctrl_reg;
}

static void balref_ctrl_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    BalrefState *s = opaque;

    s->ctrl_reg = val;
}

static const MemoryRegionOps balref_ctrl_ops = {
    .read = balref_ctrl_read,
    .write = balref_ctrl_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void balref_realize(PCIDevice *pdev, Error **errp)
{
    BalrefState *s = BALREF(pdev);

    memory_region_init_io(&s->ctrl, OBJECT(s), &balref_ctrl_ops, s,
                          "balref-ctrl", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->ctrl);
    memory_region_ref(&s->ctrl);
}

static void balref_exit(PCIDevice *pdev)
{
    BalrefState *s = BALREF(pdev);

    s->ctrl_reg = 0;
    memory_region_unref(&s->ctrl);
}

static void balref_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = balref_realize;
    k->exit = balref_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1200;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo balref_info = {
    .name          = TYPE_BALREF,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BalrefState),
    .class_init    = balref_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void balref_register_types(void)
{
    type_register_static(&balref_info);
}

type_init(balref_register_types)
