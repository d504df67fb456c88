// OK: MR001 same-owner subregions of a sysbus device: never unrealized, even under legacy
/*
 * SoC UART block: a container owned by the device holds the data and
 * status register regions, also owned by the device.  Nothing deletes
 * them, which is fine: a sysbus device is never unplugged, so the legacy
 * container-to-owner reference never has to be broken.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SBCONT "sbcont-uart"
OBJECT_DECLARE_SIMPLE_TYPE(SbcontState, SBCONT)

struct SbcontState {
    SysBusDevice parent_obj;

    MemoryRegion container;
    MemoryRegion data;
    MemoryRegion status;
    uint8_t rx;
    uint8_t lsr;
};

static uint64_t sbcont_data_read(void *opaque, hwaddr addr, unsigned size)
{
    SbcontState *s = opaque;

    return s->rx;
}

static void sbcont_data_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
}

static const MemoryRegionOps sbcont_data_ops = {
    .read = sbcont_data_read,
    .write = sbcont_data_write,
};

static uint64_t sbcont_status_read(void *opaque, hwaddr addr, unsigned size)
{
    SbcontState *s = opaque;

    return s->lsr;
}

static void sbcont_status_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
}

static const MemoryRegionOps sbcont_status_ops = {
    .read = sbcont_status_read,
    .write = sbcont_status_write,
};

static void sbcont_realize(DeviceState *dev, Error **errp)
{
    SbcontState *s = SBCONT(dev);

    memory_region_init(&s->container, OBJECT(s), "sbcont", 0x100);
    memory_region_init_io(&s->data, OBJECT(s), &sbcont_data_ops, s,
                          "sbcont-data", 4);
    memory_region_add_subregion(&s->container, 0x00, &s->data);
    memory_region_init_io(&s->status, OBJECT(s), &sbcont_status_ops, s,
                          "sbcont-status", 4);
    memory_region_add_subregion(&s->container, 0x14, &s->status);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->container);
}

static void sbcont_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = sbcont_realize;
}

static const TypeInfo sbcont_info = {
    .name          = TYPE_SBCONT,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SbcontState),
    .class_init    = sbcont_class_init,
};

static void sbcont_register_types(void)
{
    type_register_static(&sbcont_info);
}

type_init(sbcont_register_types)
