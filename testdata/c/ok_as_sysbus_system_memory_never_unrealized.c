// OK: MR007 sysbus device is never unrealized
/*
 * SoC DMA engine (sysbus, never unplugged) with a view of system memory
 * that it never destroys: it lives as long as the machine.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_SOCDMA "socdma"
OBJECT_DECLARE_SIMPLE_TYPE(SocdmaState, SOCDMA)

struct SocdmaState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    AddressSpace dma_as;
};

static void socdma_realize(DeviceState *dev, Error **errp)
{
    SocdmaState *s = SOCDMA(dev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "socdma", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->regs);
    address_space_init(&s->dma_as, get_system_memory(), "socdma");
}

static void socdma_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = socdma_realize;
}

static const TypeInfo socdma_info = {
    .name          = TYPE_SOCDMA,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SocdmaState),
    .class_init    = socdma_class_init,
};

static void socdma_register_types(void)
{
    type_register_static(&socdma_info);
}

type_init(socdma_register_types)
