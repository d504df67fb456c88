// OK: MR001 no unrealize cleanup needed in a device that is never unrealized (sysbus)
/*
 * SoC interrupt router that pins its own register bank in realize and
 * never drops it.  Sysbus devices are board parts: never unplugged, never
 * unrealized, so the reference cannot keep a departed device alive.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SBREF "sbref-router"
OBJECT_DECLARE_SIMPLE_TYPE(SbrefState, SBREF)

struct SbrefState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    uint32_t routes[32];
};

static uint64_t sbref_read(void *opaque, hwaddr addr, unsigned size)
{
    SbrefState *s = opaque;

    return s->routes[(addr >> 2) & 31];
}

static void sbref_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    SbrefState *s = opaque;

    s->routes[(addr >> 2) & 31] = val;
}

static const MemoryRegionOps sbref_ops = {
    .read = sbref_read,
    .write = sbref_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void sbref_realize(DeviceState *dev, Error **errp)
{
    SbrefState *s = SBREF(dev);

    memory_region_init_io(&s->iomem, OBJECT(s), &sbref_ops, s, "sbref", 0x80);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
    memory_region_ref(&s->iomem);
}

static void sbref_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = sbref_realize;
}

static const TypeInfo sbref_info = {
    .name          = TYPE_SBREF,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SbrefState),
    .class_init    = sbref_class_init,
};

static void sbref_register_types(void)
{
    type_register_static(&sbref_info);
}

type_init(sbref_register_types)
