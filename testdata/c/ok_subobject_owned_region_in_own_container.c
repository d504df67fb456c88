// OK: MR001 the subregion is owned by a child object, not by the device: no same-owner cycle
/*
 * PCI device embedding a register-block child object that owns its own
 * MMIO region.  The device maps that region into a BAR container it owns
 * and leaves it there at exit: the container references the child, whose
 * lifecycle handles the region, never the device itself.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SUBOBJ_REGS "subobj-regs"
OBJECT_DECLARE_SIMPLE_TYPE(SubobjRegs, SUBOBJ_REGS)

#define TYPE_SUBOBJ "subobj-dev"
OBJECT_DECLARE_SIMPLE_TYPE(SubobjState, SUBOBJ)

struct SubobjRegs {
    Object parent_obj;

    MemoryRegion mmio;
    uint32_t scratch;
};

struct SubobjState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    SubobjRegs regs;
};

static uint64_t subobj_regs_read(void *opaque, hwaddr addr, unsigned size)
{
    SubobjRegs *r = opaque;

    return r->scratch;
}

static void subobj_regs_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    SubobjRegs *r = opaque;

    r->scratch = val;
}

static const MemoryRegionOps subobj_regs_ops = {
    .read = subobj_regs_read,
    .write = subobj_regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void subobj_instance_init(Object *obj)
{
    SubobjState *s = SUBOBJ(obj);

    object_initialize_child(obj, "regs", &s->regs, TYPE_SUBOBJ_REGS);
}

static void subobj_realize(PCIDevice *pdev, Error **errp)
{
    SubobjState *s = SUBOBJ(pdev);

    memory_region_init(&s->bar, OBJECT(s), "subobj-bar", 0x2000);
    memory_region_init_io(&s->regs.mmio, OBJECT(&s->regs), &subobj_regs_ops,
                          &s->regs, "subobj-regs", 0x100);
    memory_region_add_subregion(&s->bar, 0x1000, &s->regs.mmio);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void subobj_exit(PCIDevice *pdev)
{
    SubobjState *s = SUBOBJ(pdev);

    s->regs.scratch = 0;
}

static void subobj_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = subobj_realize;
    k->exit = subobj_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1205;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo subobj_types[] = {
    {
        .name          = TYPE_SUBOBJ_REGS,
        .parent        = TYPE_OBJECT,
        .instance_size = sizeof(SubobjRegs),
    },
    {
        .name          = TYPE_SUBOBJ,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(SubobjState),
        .instance_init = subobj_instance_init,
        .class_init    = subobj_class_init,
        .interfaces    = (const InterfaceInfo[]) {
            { INTERFACE_CONVENTIONAL_PCI_DEVICE },
            { },
        },
    },
};

DEFINE_TYPES(subobj_types)
