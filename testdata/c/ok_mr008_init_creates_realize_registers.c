#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "hw/sysbus.h"
#include "system/address-spaces.h"
#include "system/memory.h"
#include "system/reset.h"

/*
 * The right split: instance_init only creates (regions, aliases, containers, exports for the
 * board), realize maps, registers with the bus and builds the address space.
 */

typedef struct DmarState {
    SysBusDevice parent_obj;
    PCIBus *bus;
    MemoryRegion regs;
    MemoryRegion root;
    MemoryRegion sysmem_alias;
    MemoryRegion irq_win;
    AddressSpace as;
} DmarState;

OBJECT_DECLARE_SIMPLE_TYPE(DmarState, DMAR)
#define TYPE_ACME_DMAR "acme-dmar"

static const PCIIOMMUOps dmar_iommu_ops;
static const MemoryRegionOps dmar_ops;

static void dmar_reset_hold(void *opaque)
{
    DmarState *s = opaque;

    s->bus = s->bus;
}

static void dmar_init(Object *obj)
{
    DmarState *s = DMAR(obj);

    // OK: MR008 creating a region is no side effect
    memory_region_init_io(&s->regs, obj, &dmar_ops, s, "acme-dmar", 0x1000);
    // OK: MR008 exporting it for the board to map is none either
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->regs);
    memory_region_init(&s->root, obj, "acme-dmar.root", UINT64_MAX);
    // OK: MR008 an alias of system memory is created, not mapped
    memory_region_init_alias(&s->sysmem_alias, obj, "acme-dmar.sysmem", get_system_memory(), 0, UINT64_MAX);
    memory_region_init_io(&s->irq_win, obj, &dmar_ops, s, "acme-dmar.irq", 0x100000);
    // OK: MR008 composed in the object's own container
    // BUG(legacy): MR001 s->irq_win
    memory_region_add_subregion_overlap(&s->root, 0xfee00000, &s->irq_win, 1);
    // BUG(legacy): MR001 s->sysmem_alias
    memory_region_add_subregion(&s->root, 0, &s->sysmem_alias);
}

static void dmar_realize(DeviceState *dev, Error **errp)
{
    DmarState *s = DMAR(dev);

    // OK: MR008 realize is where the address space belongs
    address_space_init(&s->as, &s->root, "acme-dmar");
    // OK: MR008 registering with the bus in realize
    pci_setup_iommu(s->bus, &dmar_iommu_ops, s);
    // OK: MR008 and the reset handler too
    qemu_register_reset(dmar_reset_hold, s);
}

static void dmar_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = dmar_realize;
}

static const TypeInfo dmar_info = {
    .name = TYPE_ACME_DMAR,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(DmarState),
    .instance_init = dmar_init,
    .class_init = dmar_class_init,
};

static void dmar_register_types(void)
{
    type_register_static(&dmar_info);
}

type_init(dmar_register_types)
