// OK: MR006 the probe drops the reference of the section it reads the region of directly
/*
 * Device whose doorbell handler looks up the region behind a guest address
 * by reading the .mr of memory_region_find() straight into a pointer, with
 * no section variable.  The peek handler returns early for non-RAM without
 * giving the reference back.
 */
#include "qemu/osdep.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_FINDTMP "findtmp"
OBJECT_DECLARE_SIMPLE_TYPE(FindTmpState, FINDTMP)

struct FindTmpState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    uint64_t last;
};

static uint64_t findtmp_peek(FindTmpState *s, hwaddr addr)
{
    // BUG: MR006 is not given back on some path
    MemoryRegion *mr = memory_region_find(get_system_memory(), addr, 8).mr;

    if (!mr) {
        return 0;
    }
    if (!memory_region_is_ram(mr)) {
        return 0;
    }
    memory_region_unref(mr);
    return 1;
}

static uint64_t findtmp_probe(FindTmpState *s, hwaddr addr)
{
    MemoryRegion *mr = memory_region_find(get_system_memory(), addr, 4).mr;

    if (mr) {
        memory_region_unref(mr);
        return 1;
    }
    return 0;
}

static void findtmp_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    FindTmpState *s = opaque;

    if (addr == 0) {
        s->last = findtmp_peek(s, val);
    } else {
        s->last = findtmp_probe(s, val);
    }
}

static const MemoryRegionOps findtmp_ops = {
    .write = findtmp_write,
};

static void findtmp_init(Object *obj)
{
    FindTmpState *s = FINDTMP(obj);

    memory_region_init_io(&s->regs, obj, &findtmp_ops, s, "findtmp", 0x10);
    sysbus_init_mmio(SYS_BUS_DEVICE(obj), &s->regs);
}

static const TypeInfo findtmp_info = {
    .name          = TYPE_FINDTMP,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(FindTmpState),
    .instance_init = findtmp_init,
};

static void findtmp_register_types(void)
{
    type_register_static(&findtmp_info);
}

type_init(findtmp_register_types)
