/*
 * PCI crypto accelerator whose register layout is written with the
 * hw/registerfields.h macros.  REG32()/FIELD() lines have no semicolon;
 * a parser that lets them swallow the next function would lose the
 * realize (right after the DEBUG_ADDR block) and miss the unbalanced
 * memory_region_ref.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/registerfields.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_REGDEV "regdev-crypto"
OBJECT_DECLARE_SIMPLE_TYPE(RegdevState, REGDEV)

REG32(CTRL, 0x00)
    FIELD(CTRL, ENABLE, 0, 1)
    FIELD(CTRL, MODE, 1, 3)
REG32(STATUS, 0x04)
    FIELD(STATUS, BUSY, 0, 1)
REG32(KEY_LO, 0x08)
REG32(KEY_HI, 0x0c)

#define REGDEV_NUM_REGS (R_KEY_HI + 2)

struct RegdevState {
    PCIDevice parent_obj;

    MemoryRegion regs_io;
    MemoryRegion key_ram;
    uint32_t regs[REGDEV_NUM_REGS];
};

static uint64_t regdev_read(void *opaque, hwaddr addr, unsigned size)
{
    RegdevState *s = opaque;

    return s->regs[addr >> 2];
}

static void regdev_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    RegdevState *s = opaque;

    switch (addr >> 2) {
    case R_CTRL:
        s->regs[R_CTRL] = val;
        s->regs[R_STATUS] = FIELD_DP32(s->regs[R_STATUS], STATUS, BUSY,
                                       FIELD_EX32(val, CTRL, ENABLE));
        break;
    case R_KEY_LO:
    case R_KEY_HI:
        s->regs[addr >> 2] = val;
        break;
    default:
        break;
    }
}

static const MemoryRegionOps regdev_ops = {
    .read = regdev_read,
    .write = regdev_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

/* debug window, decoded only when CTRL.MODE == 7 */
REG32(DEBUG_ADDR, 0x10)
    FIELD(DEBUG_ADDR, ADDR, 2, 30)

static void regdev_realize(PCIDevice *pdev, Error **errp)
{
    RegdevState *s = REGDEV(pdev);

    memory_region_init_io(&s->regs_io, OBJECT(s), &regdev_ops, s,
                          "regdev-regs", REGDEV_NUM_REGS * 4);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs_io);
    if (!memory_region_init_ram(&s->key_ram, OBJECT(s), "regdev-keys",
                                0x1000, errp)) {
        return;
    }
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->key_ram);
    // BUG: MR001
    memory_region_ref(&s->key_ram);
}

static void regdev_exit(PCIDevice *pdev)
{
    RegdevState *s = REGDEV(pdev);

    memset(s->regs, 0, sizeof(s->regs));
}

static void regdev_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = regdev_realize;
    k->exit = regdev_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f6;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo regdev_info = {
    .name          = TYPE_REGDEV,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(RegdevState),
    .class_init    = regdev_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void regdev_register_types(void)
{
    type_register_static(&regdev_info);
}

type_init(regdev_register_types)
