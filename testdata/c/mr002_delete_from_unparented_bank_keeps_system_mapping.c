/*
 * Hot-pluggable PCI device with a register block that realize maps into
 * system memory and a bank container of its own.  Exit tears the bank
 * down first, then "unmaps" the registers from the bank, where they never
 * were, and unparents them: they are still mapped in system memory.
 *
 * The bank is a region the device made and unparented, so it is known to
 * be another container than system memory: deleting from it cannot undo
 * the mapping there (QEMU's assertion in the delete fails; nothing is
 * unmapped), and system memory keeps the device alive after hot-unplug.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_BANKCTL "bankctl"
OBJECT_DECLARE_SIMPLE_TYPE(BankctlState, BANKCTL)

struct BankctlState {
    PCIDevice parent_obj;

    MemoryRegion bank;
    MemoryRegion regs;
};

static uint64_t bankctl_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void bankctl_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps bankctl_ops = {
    .read = bankctl_read,
    .write = bankctl_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void bankctl_realize(PCIDevice *pdev, Error **errp)
{
    BankctlState *s = BANKCTL(pdev);

    memory_region_init(&s->bank, OBJECT(s), "bankctl-bank", 0x10000);
    memory_region_init_io(&s->regs, OBJECT(s), &bankctl_ops, s, "bankctl-regs", 0x100);
    // BUG(legacy,current): MR005 s->regs
    memory_region_add_subregion(get_system_memory(), 0xfe000000, &s->regs);
}

static void bankctl_exit(PCIDevice *pdev)
{
    BankctlState *s = BANKCTL(pdev);

    object_unparent(OBJECT(&s->bank));
    memory_region_del_subregion(&s->bank, &s->regs);
    // BUG: MR002 s->regs
    object_unparent(OBJECT(&s->regs));
}

static void bankctl_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = bankctl_realize;
    k->exit = bankctl_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1356;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo bankctl_info = {
    .name          = TYPE_BANKCTL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BankctlState),
    .class_init    = bankctl_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void bankctl_register_types(void)
{
    type_register_static(&bankctl_info);
}

type_init(bankctl_register_types)
