// OK: MR001 sysbus device: never unrealized
/*
 * SoC scratchpad SRAM allocated on the heap and created without an owner.
 * instance_finalize g_free()s it.  Freeing the heap struct of regions the
 * device owns is the right pattern; freeing an owner-less RAM region is
 * not, since nothing reference counts it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SCRATCH "scratch-sram"
OBJECT_DECLARE_SIMPLE_TYPE(ScratchState, SCRATCH)

struct ScratchState {
    SysBusDevice parent_obj;

    MemoryRegion *sram;
    uint32_t size;
};

static void scratch_realize(DeviceState *dev, Error **errp)
{
    ScratchState *s = SCRATCH(dev);

    s->sram = g_new(MemoryRegion, 1);
    if (!memory_region_init_ram(s->sram, NULL, "scratch.sram", s->size,
                                errp)) {
        return;
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), s->sram);
}

static void scratch_instance_init(Object *obj)
{
    ScratchState *s = SCRATCH(obj);

    s->size = 0x8000;
}

static void scratch_instance_finalize(Object *obj)
{
    ScratchState *s = SCRATCH(obj);

    // BUG: MR003
    g_free(s->sram);
}

static void scratch_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = scratch_realize;
}

static const TypeInfo scratch_info = {
    .name              = TYPE_SCRATCH,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(ScratchState),
    .instance_init     = scratch_instance_init,
    .instance_finalize = scratch_instance_finalize,
    .class_init        = scratch_class_init,
};

static void scratch_register_types(void)
{
    type_register_static(&scratch_info);
}

type_init(scratch_register_types)
