// OK: MR002 subregions of a container the device owns (or frees) are gone by the time instance_finalize unparents them
/*
 * Sysbus bridge whose realize groups the windows of its downstream bus
 * (regions the bus object owns) in containers: one the bridge owns, one
 * owner-less container it allocates.  instance_finalize drops the
 * windows without deleting them first.  That is fine: the owned container
 * was finalized with the bridge's child properties, and the heap one is
 * freed first; either way nothing maps the windows any more.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_GROUPBR "groupbr"
OBJECT_DECLARE_SIMPLE_TYPE(GroupbrState, GROUPBR)

struct GroupbrState {
    SysBusDevice parent_obj;

    Object *bus;
    MemoryRegion group;
    MemoryRegion *spill;
    MemoryRegion low;
    MemoryRegion high;
    MemoryRegion target;
};

static void groupbr_realize(DeviceState *dev, Error **errp)
{
    GroupbrState *s = GROUPBR(dev);

    memory_region_init_ram(&s->target, OBJECT(s), "groupbr-target", 0x10000,
                           &error_fatal);
    memory_region_init(&s->group, OBJECT(s), "groupbr-group", 0x10000);
    memory_region_init_alias(&s->low, s->bus, "groupbr-low", &s->target,
                             0, 0x8000);
    memory_region_add_subregion(&s->group, 0, &s->low);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->group);

    s->spill = g_new0(MemoryRegion, 1);
    memory_region_init(s->spill, NULL, "groupbr-spill", 0x10000);
    memory_region_init_alias(&s->high, s->bus, "groupbr-high", &s->target,
                             0x8000, 0x8000);
    memory_region_add_subregion(s->spill, 0, &s->high);
}

static void groupbr_instance_finalize(Object *obj)
{
    GroupbrState *s = GROUPBR(obj);

    // OK: MR002 s->group was finalized with the child properties
    object_unparent(OBJECT(&s->low));
    g_free(s->spill);
    // OK: MR002 the container's storage is gone
    object_unparent(OBJECT(&s->high));
}

static void groupbr_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = groupbr_realize;
}

static const TypeInfo groupbr_info = {
    .name              = TYPE_GROUPBR,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(GroupbrState),
    .instance_finalize = groupbr_instance_finalize,
    .class_init        = groupbr_class_init,
};

static void groupbr_register_types(void)
{
    type_register_static(&groupbr_info);
}

type_init(groupbr_register_types)
