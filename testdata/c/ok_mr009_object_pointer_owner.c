/*
 * A frame grabber whose RAM window belongs to a companion object linked in
 * as a plain Object pointer.  Object * says nothing about what the object
 * is (it may well be a device), so the owner is not judged.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_GRABBER "grabber"
OBJECT_DECLARE_SIMPLE_TYPE(GrabberState, GRABBER)

struct GrabberState {
    SysBusDevice parent_obj;

    MemoryRegion window;
    Object *companion;
};

static void grabber_realize(DeviceState *dev, Error **errp)
{
    GrabberState *s = GRABBER(dev);

    // OK: MR009
    memory_region_init_ram(&s->window, OBJECT(s->companion), "grabber.window",
                           0x4000, errp);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->window);
}

static void grabber_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = grabber_realize;
}

static const TypeInfo grabber_info = {
    .name          = TYPE_GRABBER,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GrabberState),
    .class_init    = grabber_class_init,
};

static void grabber_register_types(void)
{
    type_register_static(&grabber_info);
}

type_init(grabber_register_types)
