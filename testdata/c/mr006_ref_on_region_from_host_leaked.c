// OK: MR006 no reference is taken on the branch where memory_region_from_host() finds nothing
/*
 * Device whose register write looks up the region behind a host pointer it
 * shadows (memory_region_from_host takes no reference) and pins it while it
 * works; a zero write returns early still holding the pin.
 */
#include "qemu/osdep.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HOSTLK "hostlk"
OBJECT_DECLARE_SIMPLE_TYPE(HostLkState, HOSTLK)

struct HostLkState {
    SysBusDevice parent_obj;
    MemoryRegion regs;
    void *shadow;
    uint64_t last;
};

static void hostlk_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    HostLkState *s = opaque;
    ram_addr_t off;
    MemoryRegion *mr = memory_region_from_host(s->shadow, &off);

    if (!mr) {
        return;
    }
    // BUG: MR006 is not given back on some path through hostlk_write
    memory_region_ref(mr);
    if (val == 0) {
        return;
    }
    s->last = off;
    memory_region_unref(mr);
}

static const MemoryRegionOps hostlk_ops = {
    .write = hostlk_write,
};

static void hostlk_init(Object *obj)
{
    HostLkState *s = HOSTLK(obj);

    memory_region_init_io(&s->regs, obj, &hostlk_ops, s, "hostlk", 0x10);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->regs);
}

static const TypeInfo hostlk_info = {
    .name          = TYPE_HOSTLK,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(HostLkState),
    .instance_init = hostlk_init,
};

static void hostlk_register_types(void)
{
    type_register_static(&hostlk_info);
}

type_init(hostlk_register_types)
