// OK: MR004 the alias is owner-less, not the finalized object's: unparenting it there is not a no-op
// OK: MR003 owner-less aliases may be unparented
/*
 * Boot-ROM shadow of a sysbus flash controller: realize maps an owner-less
 * alias of the flash array at the reset vector.  instance_finalize drops the
 * alias but forgets to take it out of system memory first.  Only regions
 * the finalized object owns are already gone in instance_finalize; this
 * alias belongs to the machine, so the unparent really finalizes it while
 * system memory still points at it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SHADOWROM "shadowrom-flash"
OBJECT_DECLARE_SIMPLE_TYPE(ShadowromState, SHADOWROM)

#define SHADOWROM_RESET_VECTOR 0xfffc0000

struct ShadowromState {
    SysBusDevice parent_obj;

    MemoryRegion flash;
    MemoryRegion shadow;
};

static void shadowrom_realize(DeviceState *dev, Error **errp)
{
    ShadowromState *s = SHADOWROM(dev);

    if (!memory_region_init_rom(&s->flash, OBJECT(s), "shadowrom-flash",
                                0x40000, errp)) {
        return;
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->flash);
    memory_region_init_alias(&s->shadow, NULL, "shadowrom-shadow", &s->flash,
                             0, 0x40000);
    memory_region_add_subregion(get_system_memory(), SHADOWROM_RESET_VECTOR,
                                &s->shadow);
}

static void shadowrom_instance_finalize(Object *obj)
{
    ShadowromState *s = SHADOWROM(obj);

    // BUG: MR002 still be mapped in system_memory
    object_unparent(OBJECT(&s->shadow));
}

static void shadowrom_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = shadowrom_realize;
}

static const TypeInfo shadowrom_info = {
    .name              = TYPE_SHADOWROM,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(ShadowromState),
    .instance_finalize = shadowrom_instance_finalize,
    .class_init        = shadowrom_class_init,
};

static void shadowrom_register_types(void)
{
    type_register_static(&shadowrom_info);
}

type_init(shadowrom_register_types)
