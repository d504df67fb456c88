#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

/*
 * A trace buffer whose instance_finalize maps and drops regions that realize makes. QOM finalizes
 * the device's own regions before instance_finalize, so after a realize both the add into the
 * window and the delete from the bridge use finalized regions. A throw-away instance (instance_init,
 * then instance_finalize at once) has neither the window nor the bridge: the struct is zeroed there,
 * and the calls crash on it rather than map or unmap anything. The probe, owned by the hub, is
 * therefore never mapped when instance_finalize drops it, and the control block, which realize
 * unparented, was not one of the device's child properties any more when QOM dropped them.
 */

#define TYPE_SPYGLASS "spyglass"
OBJECT_DECLARE_SIMPLE_TYPE(SpyglassState, SPYGLASS)

struct SpyglassState {
    SysBusDevice parent_obj;

    MemoryRegion probe;          /* owned by the hub */
    MemoryRegion ctrl;
    MemoryRegion window;
    MemoryRegion bridge;
    Object *hub;
};

static uint64_t spyglass_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void spyglass_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps spyglass_ops = {
    .read = spyglass_read,
    .write = spyglass_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void spyglass_map_probe(SpyglassState *s)
{
    // BUG: MR004 memory_region_add_subregion
    memory_region_add_subregion(&s->window, 0x400, &s->probe);
}

static void spyglass_instance_init(Object *obj)
{
    SpyglassState *s = SPYGLASS(obj);

    memory_region_init_io(&s->probe, OBJECT(s->hub), &spyglass_ops, s, "spyglass-probe", 0x100);
    memory_region_init_io(&s->ctrl, OBJECT(s), &spyglass_ops, s, "spyglass-ctrl", 0x100);
}

static void spyglass_realize(DeviceState *dev, Error **errp)
{
    SpyglassState *s = SPYGLASS(dev);

    memory_region_init(&s->window, OBJECT(s), "spyglass-window", 0x10000);
    memory_region_init(&s->bridge, NULL, "spyglass-bridge", 0x10000);
    /* this revision has no control block */
    object_unparent(OBJECT(&s->ctrl));
}

static void spyglass_instance_finalize(Object *obj)
{
    SpyglassState *s = SPYGLASS(obj);

    spyglass_map_probe(s);
    // OK: MR002 the window the add targets is finalized after realize, and not made in a throw-away instance
    object_unparent(OBJECT(&s->probe));
    // OK: MR004 the control block left the device's children in realize; a throw-away instance has no bridge
    memory_region_del_subregion(&s->bridge, &s->ctrl);
}

static void spyglass_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = spyglass_realize;
}

static const TypeInfo spyglass_info = {
    .name          = TYPE_SPYGLASS,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SpyglassState),
    .instance_init = spyglass_instance_init,
    .instance_finalize = spyglass_instance_finalize,
    .class_init    = spyglass_class_init,
};

static void spyglass_register_types(void)
{
    type_register_static(&spyglass_info);
}

type_init(spyglass_register_types)
