// OK: MR003 owner-less (NULL) containers may be unparented
// OK: MR002 the container is deleted from system memory before it is unparented
// OK: MR001 sysbus device: never unrealized
/*
 * SoC address decoder that carves a "hole" container (owner-less) over
 * system memory.  nullcont_close_hole() (exported, called by the SoC's
 * lock-down sequence outside this tree) removes it for good.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_NULLCONT "nullcont-decoder"
OBJECT_DECLARE_SIMPLE_TYPE(NullcontState, NULLCONT)

struct NullcontState {
    SysBusDevice parent_obj;

    MemoryRegion ctrl;
    MemoryRegion hole;
    hwaddr hole_base;
    bool hole_open;
};

static uint64_t nullcont_ctrl_read(void *opaque, hwaddr addr, unsigned size)
{
    NullcontState *s = opaque;

    return s->hole_open;
}

static void nullcont_ctrl_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
}

static const MemoryRegionOps nullcont_ctrl_ops = {
    .read = nullcont_ctrl_read,
    .write = nullcont_ctrl_write,
    .endianness = DEVICE_NATIVE_ENDIAN,
};

void nullcont_close_hole(NullcontState *s)
{
    if (!s->hole_open) {
        return;
    }
    memory_region_del_subregion(get_system_memory(), &s->hole);
    object_unparent(OBJECT(&s->hole));
    s->hole_open = false;
}

static void nullcont_realize(DeviceState *dev, Error **errp)
{
    NullcontState *s = NULLCONT(dev);

    memory_region_init_io(&s->ctrl, OBJECT(s), &nullcont_ctrl_ops, s,
                          "nullcont-ctrl", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->ctrl);

    memory_region_init(&s->hole, NULL, "nullcont-hole", 1 * MiB);
    memory_region_add_subregion_overlap(get_system_memory(), s->hole_base,
                                        &s->hole, 2);
    s->hole_open = true;
}

static void nullcont_instance_init(Object *obj)
{
    NullcontState *s = NULLCONT(obj);

    s->hole_base = 0xf00000;
}

static void nullcont_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = nullcont_realize;
}

static const TypeInfo nullcont_info = {
    .name          = TYPE_NULLCONT,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(NullcontState),
    .instance_init = nullcont_instance_init,
    .class_init    = nullcont_class_init,
};

static void nullcont_register_types(void)
{
    type_register_static(&nullcont_info);
}

type_init(nullcont_register_types)
