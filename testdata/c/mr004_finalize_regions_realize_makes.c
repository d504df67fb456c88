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

#define TYPE_TRACEBUF "tracebuf"
OBJECT_DECLARE_SIMPLE_TYPE(TracebufState, TRACEBUF)

struct TracebufState {
    SysBusDevice parent_obj;

    MemoryRegion probe;          /* owned by the hub */
    MemoryRegion ctrl;
    MemoryRegion window;
    MemoryRegion bridge;
    Object *hub;
};

static uint64_t tracebuf_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void tracebuf_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps tracebuf_ops = {
    .read = tracebuf_read,
    .write = tracebuf_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

static void tracebuf_map_probe(TracebufState *s)
{
    // BUG: MR004 memory_region_add_subregion
    memory_region_add_subregion(&s->window, 0x400, &s->probe);
}

static void tracebuf_instance_init(Object *obj)
{
    TracebufState *s = TRACEBUF(obj);

    memory_region_init_io(&s->probe, OBJECT(s->hub), &tracebuf_ops, s, "tracebuf-probe", 0x100);
    memory_region_init_io(&s->ctrl, OBJECT(s), &tracebuf_ops, s, "tracebuf-ctrl", 0x100);
}

static void tracebuf_realize(DeviceState *dev, Error **errp)
{
    TracebufState *s = TRACEBUF(dev);

    memory_region_init(&s->window, OBJECT(s), "tracebuf-window", 0x10000);
    memory_region_init(&s->bridge, NULL, "tracebuf-bridge", 0x10000);
    /* this revision has no control block */
    object_unparent(OBJECT(&s->ctrl));
}

static void tracebuf_instance_finalize(Object *obj)
{
    TracebufState *s = TRACEBUF(obj);

    tracebuf_map_probe(s);
    // OK: MR002 the window the add targets is finalized after realize, and not made in a throw-away instance
    object_unparent(OBJECT(&s->probe));
    // OK: MR004 the control block left the device's children in realize; a throw-away instance has no bridge
    memory_region_del_subregion(&s->bridge, &s->ctrl);
}

static void tracebuf_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = tracebuf_realize;
}

static const TypeInfo tracebuf_info = {
    .name          = TYPE_TRACEBUF,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(TracebufState),
    .instance_init = tracebuf_instance_init,
    .instance_finalize = tracebuf_instance_finalize,
    .class_init    = tracebuf_class_init,
};

static void tracebuf_register_types(void)
{
    type_register_static(&tracebuf_info);
}

type_init(tracebuf_register_types)
