// OK: MR001 sysbus device: never unrealized
/*
 * SoC memory controller that exposes a movable DRAM window.  The board
 * code calls memctl_set_window_base() (exported, no caller in this tree)
 * at run time; it re-creates the alias but unparents the old one while it
 * is still mapped in system memory.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_MEMCTL "memctl-soc"
OBJECT_DECLARE_SIMPLE_TYPE(MemctlState, MEMCTL)

struct MemctlState {
    SysBusDevice parent_obj;

    MemoryRegion dram;
    MemoryRegion window;
    hwaddr window_base;
    uint64_t window_size;
};

void memctl_set_window_base(MemctlState *s, hwaddr base)
{
    // BUG: MR002
    object_unparent(OBJECT(&s->window));
    memory_region_init_alias(&s->window, OBJECT(s), "memctl-window", &s->dram,
                             0, s->window_size);
    memory_region_add_subregion(get_system_memory(), base, &s->window);
    s->window_base = base;
}

static void memctl_realize(DeviceState *dev, Error **errp)
{
    MemctlState *s = MEMCTL(dev);

    if (!memory_region_init_ram(&s->dram, OBJECT(s), "memctl-dram", 64 * MiB,
                                errp)) {
        return;
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->dram);
    memory_region_init_alias(&s->window, OBJECT(s), "memctl-window", &s->dram,
                             0, s->window_size);
    memory_region_add_subregion(get_system_memory(), s->window_base,
                                &s->window);
}

static void memctl_instance_init(Object *obj)
{
    MemctlState *s = MEMCTL(obj);

    s->window_base = 0x80000000;
    s->window_size = 16 * MiB;
}

static void memctl_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = memctl_realize;
    dc->user_creatable = false;
}

static const TypeInfo memctl_info = {
    .name          = TYPE_MEMCTL,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(MemctlState),
    .instance_init = memctl_instance_init,
    .class_init    = memctl_class_init,
};

static void memctl_register_types(void)
{
    type_register_static(&memctl_info);
}

type_init(memctl_register_types)
