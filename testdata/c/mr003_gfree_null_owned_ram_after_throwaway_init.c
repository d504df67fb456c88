/*
 * instance_init allocates an owner-less RAM region that realize destroys
 * again; instance_finalize frees it. A throw-away instance never runs
 * realize, so its instance_finalize frees the live owner-less region.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SCRATCHDEV "scratchdev"
OBJECT_DECLARE_SIMPLE_TYPE(ScratchdevState, SCRATCHDEV)

struct ScratchdevState {
    SysBusDevice parent_obj;

    MemoryRegion *scratch;
};

static void scratchdev_instance_init(Object *obj)
{
    ScratchdevState *s = SCRATCHDEV(obj);

    s->scratch = g_new0(MemoryRegion, 1);
    memory_region_init_ram(s->scratch, NULL, "scratchdev-ram", 0x1000, &error_fatal);
}

static void scratchdev_realize(DeviceState *dev, Error **errp)
{
    ScratchdevState *s = SCRATCHDEV(dev);

    // BUG: MR003
    object_unparent(OBJECT(s->scratch));
}

static void scratchdev_instance_finalize(Object *obj)
{
    ScratchdevState *s = SCRATCHDEV(obj);

    // BUG: MR003
    g_free(s->scratch);
}

static void scratchdev_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = scratchdev_realize;
}

static const TypeInfo scratchdev_info = {
    .name          = TYPE_SCRATCHDEV,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(ScratchdevState),
    .instance_init = scratchdev_instance_init,
    .instance_finalize = scratchdev_instance_finalize,
    .class_init    = scratchdev_class_init,
};

static void scratchdev_register_types(void)
{
    type_register_static(&scratchdev_info);
}

type_init(scratchdev_register_types)
