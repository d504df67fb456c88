// OK: MR008 instance_init creates regions and composes them in the object's own container; realize exports and maps
#include "qemu/osdep.h"
#include "hw/sysbus.h"

typedef struct TimerBlockState {
    SysBusDevice parent_obj;
    MemoryRegion container;
    MemoryRegion ctrl;
    MemoryRegion counters;
} TimerBlockState;

OBJECT_DECLARE_SIMPLE_TYPE(TimerBlockState, TIMER_BLOCK)
#define TYPE_TIMER_BLOCK "timer-block"

static const MemoryRegionOps tblock_ctrl_ops;
static const MemoryRegionOps tblock_counter_ops;

static void tblock_init(Object *obj)
{
    TimerBlockState *s = TIMER_BLOCK(obj);

    memory_region_init(&s->container, obj, "timer-block", 0x2000);
    memory_region_init_io(&s->ctrl, obj, &tblock_ctrl_ops, s, "timer-ctrl", 0x1000);
    memory_region_init_io(&s->counters, obj, &tblock_counter_ops, s, "timer-counters", 0x1000);
    // BUG(legacy): MR001 s->ctrl
    memory_region_add_subregion(&s->container, 0, &s->ctrl);
    // BUG(legacy): MR001 s->counters
    memory_region_add_subregion(&s->container, 0x1000, &s->counters);
}

static void tblock_realize(DeviceState *dev, Error **errp)
{
    TimerBlockState *s = TIMER_BLOCK(dev);

    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->container);
}

static void tblock_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = tblock_realize;
}

static const TypeInfo tblock_info = {
    .name = TYPE_TIMER_BLOCK,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(TimerBlockState),
    .instance_init = tblock_init,
    .class_init = tblock_class_init,
};

static void tblock_register_types(void)
{
    type_register_static(&tblock_info);
}

type_init(tblock_register_types)
