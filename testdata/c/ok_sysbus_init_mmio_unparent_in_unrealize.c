// OK: MR002 sysbus_init_mmio only exports the region; the device itself never mapped it
/*
 * Dynamic sysbus watchdog with an unrealize hook.  Its register region is
 * exported with sysbus_init_mmio (the board maps it, not the device), so
 * the device has no mapping of its own to undo before unparenting.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SBEXP "sbexp-wdt"
OBJECT_DECLARE_SIMPLE_TYPE(SbexpState, SBEXP)

struct SbexpState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    uint32_t load;
    uint32_t ctrl;
};

static uint64_t sbexp_read(void *opaque, hwaddr addr, unsigned size)
{
    SbexpState *s = opaque;

    return addr ? s->ctrl : s->load;
}

static void sbexp_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    SbexpState *s = opaque;

    if (addr) {
        s->ctrl = val;
    } else {
        s->load = val;
    }
}

static const MemoryRegionOps sbexp_ops = {
    .read = sbexp_read,
    .write = sbexp_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void sbexp_realize(DeviceState *dev, Error **errp)
{
    SbexpState *s = SBEXP(dev);

    memory_region_init_io(&s->iomem, OBJECT(s), &sbexp_ops, s, "sbexp", 0x10);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
}

static void sbexp_unrealize(DeviceState *dev)
{
    SbexpState *s = SBEXP(dev);

    s->ctrl = 0;
    object_unparent(OBJECT(&s->iomem));
}

static void sbexp_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = sbexp_realize;
    dc->unrealize = sbexp_unrealize;
}

static const TypeInfo sbexp_info = {
    .name          = TYPE_SBEXP,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SbexpState),
    .class_init    = sbexp_class_init,
};

static void sbexp_register_types(void)
{
    type_register_static(&sbexp_info);
}

type_init(sbexp_register_types)
