// OK: MR001 abstract sysbus base: its derived types are never unrealized
/*
 * Abstract base of a family of SoC GPIO blocks; a sysbus device.
 */
#include "qemu/osdep.h"
#include "hw/core/sysbus.h"
#include "qom/object.h"
#include "sbbase.h"

static void sbbase_instance_init(Object *obj)
{
    SbbaseState *s = (SbbaseState *)obj;

    s->ngpio = 32;
}

static const TypeInfo sbbase_info = {
    .name          = TYPE_SBBASE,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(SbbaseState),
    .instance_init = sbbase_instance_init,
    .abstract      = true,
};

static void sbbase_register_types(void)
{
    type_register_static(&sbbase_info);
}

type_init(sbbase_register_types)
