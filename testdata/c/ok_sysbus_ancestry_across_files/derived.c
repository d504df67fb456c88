// OK: MR001 no unrealize cleanup needed: the ancestry (via base.c) is sysbus, never unrealized
/*
 * Concrete GPIO block of the sbbase family (base.c).  Its realize keeps
 * a reference on its own bank and an address space over its own root,
 * and nothing releases them: the type is a sysbus device through
 * base.c, so it is never unrealized.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"
#include "sbbase.h"

#define TYPE_SBDERIV "sbderiv-gpio"
OBJECT_DECLARE_SIMPLE_TYPE(SbderivState, SBDERIV)

struct SbderivState {
    SbbaseState parent_obj;

    MemoryRegion bank;
    MemoryRegion dma_root;
    AddressSpace dma_as;
    uint32_t level;
};

static uint64_t sbderiv_read(void *opaque, hwaddr addr, unsigned size)
{
    SbderivState *s = opaque;

    return s->level;
}

static void sbderiv_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    SbderivState *s = opaque;

    s->level = val;
}

static const MemoryRegionOps sbderiv_ops = {
    .read = sbderiv_read,
    .write = sbderiv_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void sbderiv_realize(DeviceState *dev, Error **errp)
{
    SbderivState *s = SBDERIV(dev);

    memory_region_init_io(&s->bank, OBJECT(s), &sbderiv_ops, s, "sbderiv",
                          0x40);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->bank);
    memory_region_ref(&s->bank);

    memory_region_init(&s->dma_root, OBJECT(s), "sbderiv-dma", UINT64_MAX);
    address_space_init(&s->dma_as, &s->dma_root, "sbderiv-dma");
}

static void sbderiv_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = sbderiv_realize;
}

static const TypeInfo sbderiv_info = {
    .name          = TYPE_SBDERIV,
    .parent        = TYPE_SBBASE,
    .instance_size = sizeof(SbderivState),
    .class_init    = sbderiv_class_init,
};

static void sbderiv_register_types(void)
{
    type_register_static(&sbderiv_info);
}

type_init(sbderiv_register_types)
