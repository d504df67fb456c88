/*
 * instance_init maps a region into system memory to probe it and deletes
 * it again before returning: a throw-away instance leaves nothing behind.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_PROBEDEV "probedev"
OBJECT_DECLARE_SIMPLE_TYPE(ProbedevState, PROBEDEV)

struct ProbedevState {
    SysBusDevice parent_obj;

    MemoryRegion ram;
};

static void probedev_instance_init(Object *obj)
{
    ProbedevState *s = PROBEDEV(obj);

    memory_region_init_ram(&s->ram, OBJECT(s), "probedev-ram", 0x1000, &error_fatal);
    // OK: MR008 deleted again before instance_init returns
    memory_region_add_subregion(get_system_memory(), 0x1000, &s->ram);
    memory_region_del_subregion(get_system_memory(), &s->ram);
}

static const TypeInfo probedev_info = {
    .name          = TYPE_PROBEDEV,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(ProbedevState),
    .instance_init = probedev_instance_init,
};

static void probedev_register_types(void)
{
    type_register_static(&probedev_info);
}

type_init(probedev_register_types)
