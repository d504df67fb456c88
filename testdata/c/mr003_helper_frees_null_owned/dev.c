// OK: MR002 both regions are only registered as BARs, which the PCI core unmaps before exit
/*
 * PCI capture card with a register BAR it owns and a frame buffer created
 * without an owner.  exit drops both through relreg_drop_region()
 * (helpers.c); only the owner-less frame buffer makes that a bug.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_RELREG "relreg-capture"
OBJECT_DECLARE_SIMPLE_TYPE(RelregState, RELREG)

void relreg_drop_region(MemoryRegion *mr);

struct RelregState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion frame;
    uint32_t ctrl;
};

static uint64_t relreg_regs_read(void *opaque, hwaddr addr, unsigned size)
{
    RelregState *s = opaque;

    return s->ctrl;
}

static void relreg_regs_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    RelregState *s = opaque;

    s->ctrl = val;
}

static const MemoryRegionOps relreg_regs_ops = {
    .read = relreg_regs_read,
    .write = relreg_regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void relreg_realize(PCIDevice *pdev, Error **errp)
{
    RelregState *s = RELREG(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &relreg_regs_ops, s,
                          "relreg-regs", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    if (!memory_region_init_ram(&s->frame, NULL, "relreg-frame", 4 * MiB,
                                errp)) {
        return;
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_MEM_PREFETCH, &s->frame);
}

static void relreg_exit(PCIDevice *pdev)
{
    RelregState *s = RELREG(pdev);

    relreg_drop_region(&s->regs);
    relreg_drop_region(&s->frame);
}

static void relreg_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = relreg_realize;
    k->exit = relreg_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1107;
    k->class_id = PCI_CLASS_MULTIMEDIA_VIDEO;
}

static const TypeInfo relreg_info = {
    .name          = TYPE_RELREG,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RelregState),
    .class_init    = relreg_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void relreg_register_types(void)
{
    type_register_static(&relreg_info);
}

type_init(relreg_register_types)
